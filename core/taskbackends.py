"""The task backends of the portal (``TASKS_BACKEND``), both carrying the request id.

- :class:`DatabaseBackend` (production): django-tasks-db's, which stores each task in
  PostgreSQL for ``make worker``. It also stores the id of the request that enqueued the
  task next to its arguments; the worker sets it again while the task runs, so the worker's
  log lines carry the request's id.
- :class:`ImmediateBackend` (development, tests): Django's, which runs the task at once in
  the enqueuing process (the request id is simply still set). It accepts ``run_after``
  (a retry after a failure) and runs the task at once: nothing waits in development.
"""

from django.dispatch import receiver
from django.tasks.backends.immediate import ImmediateBackend as DjangoImmediateBackend
from django.tasks.signals import task_finished, task_started
from django_tasks_db.backend import DatabaseBackend as DbBackend
from django_tasks_db.compat import normalize_json

from core.observability import context


class ImmediateBackend(DjangoImmediateBackend):
    supports_defer = True


class DatabaseBackend(DbBackend):
    def _task_to_db_task(self, task, args, kwargs):
        from django_tasks_db.models import DBTaskResult

        return DBTaskResult.objects.create(
            id=self._get_id(),
            args_kwargs=normalize_json(
                {"args": args, "kwargs": kwargs, "request_id": context.current()}
            ),
            priority=task.priority,
            task_path=task.module_path,
            queue_name=task.queue_name,
            run_after=task.run_after,
            backend_name=self.alias,
        )


# The request ids set by the worker for the task it runs, undone when the task finishes.
_tokens: dict[str, object] = {}


@receiver(task_started)
def bind_request_id(sender, task_result, **kwargs):
    # django-tasks-db's worker sends the backend itself, Django's backends their class.
    if not issubclass(sender if isinstance(sender, type) else type(sender), DbBackend):
        return
    from django_tasks_db.models import DBTaskResult

    stored = (
        DBTaskResult.objects.filter(pk=task_result.id).values_list("args_kwargs", flat=True).first()
    )
    request_id = (stored or {}).get("request_id") or context.new_id()
    _tokens[str(task_result.id)] = context.request_id.set(request_id)


@receiver(task_finished)
def unbind_request_id(sender, task_result, **kwargs):
    token = _tokens.pop(str(task_result.id), None)
    if token is not None:
        context.request_id.reset(token)
