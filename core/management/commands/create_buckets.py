import json

from botocore.exceptions import ClientError
from django.conf import settings
from django.core.files.storage import storages
from django.core.management.base import BaseCommand, CommandError

from core.storage import PRIVATE_ALIAS, public_read_policy


class Command(BaseCommand):
    help = (
        "Create the buckets named by S3_BUCKET and S3_PRIVATE_BUCKET when they are missing "
        "(safe to run again): the public one readable by everyone through a bucket policy, "
        "the private one with every public access blocked."
    )

    def handle(self, *args, **options):
        if not settings.S3_BUCKET:
            raise CommandError("S3_BUCKET is empty: the files are on the local disk.")
        for alias, public in (("default", True), (PRIVATE_ALIAS, False)):
            storage = storages[alias]
            client = storage.connection.meta.client
            bucket = storage.bucket_name
            try:
                client.head_bucket(Bucket=bucket)
                self.stdout.write(f"{bucket}: exists")
            except ClientError:
                region = client.meta.region_name
                extra = (
                    {"CreateBucketConfiguration": {"LocationConstraint": region}}
                    if region and region != "us-east-1"
                    else {}
                )
                client.create_bucket(Bucket=bucket, **extra)
                self.stdout.write(f"{bucket}: created")
            if public:
                # New AWS buckets block public policies: lift that on the public bucket only.
                self._optional(client.delete_public_access_block, Bucket=bucket)
                policy = json.dumps(public_read_policy(bucket))
                client.put_bucket_policy(Bucket=bucket, Policy=policy)
            else:
                self._optional(
                    client.put_public_access_block,
                    Bucket=bucket,
                    PublicAccessBlockConfiguration={
                        "BlockPublicAcls": True,
                        "IgnorePublicAcls": True,
                        "BlockPublicPolicy": True,
                        "RestrictPublicBuckets": True,
                    },
                )

    def _optional(self, call, **kwargs):
        """Public access blocks are AWS's; other stores may not know them (MinIO)."""
        try:
            call(**kwargs)
        except ClientError as error:
            self.stderr.write(f"{call.__name__}: not supported by this store ({error}).")
