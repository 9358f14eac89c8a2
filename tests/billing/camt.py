"""Builds small CAMT.053 statements for the tests."""


def camt053(entries, statement_id="STMT-2026-001") -> bytes:
    """``entries``: dicts with amount, date, name, ref (remittance), id, and optional
    indicator (CRDT/DBIT)."""
    body = []
    for entry in entries:
        body.append(f"""
      <Ntry>
        <NtryRef>{entry["id"]}</NtryRef>
        <Amt Ccy="EUR">{entry["amount"]}</Amt>
        <CdtDbtInd>{entry.get("indicator", "CRDT")}</CdtDbtInd>
        <Sts><Cd>BOOK</Cd></Sts>
        <BookgDt><Dt>{entry["date"]}</Dt></BookgDt>
        <ValDt><Dt>{entry["date"]}</Dt></ValDt>
        <AcctSvcrRef>{entry["id"]}</AcctSvcrRef>
        <NtryDtls><TxDtls>
          <Refs><AcctSvcrRef>{entry["id"]}</AcctSvcrRef><EndToEndId>NOTPROVIDED</EndToEndId></Refs>
          <RltdPties><Dbtr><Nm>{entry["name"]}</Nm></Dbtr></RltdPties>
          <RmtInf><Ustrd>{entry["ref"]}</Ustrd></RmtInf>
        </TxDtls></NtryDtls>
      </Ntry>""")
    return f"""<?xml version="1.0" encoding="UTF-8"?>
<Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.02">
  <BkToCstmrStmt>
    <GrpHdr><MsgId>MSG-1</MsgId><CreDtTm>2026-12-01T08:00:00</CreDtTm></GrpHdr>
    <Stmt>
      <Id>{statement_id}</Id>
      <Acct><Id><IBAN>FR7630001007941234567890185</IBAN></Id></Acct>
      {"".join(body)}
    </Stmt>
  </BkToCstmrStmt>
</Document>""".encode()
