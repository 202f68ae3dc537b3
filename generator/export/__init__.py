"""Open data: the calendar and the records as files that suppliers' tools read.

CSV and XLSX for spreadsheets, JSON with its schemas, and OCDS release packages.
"""
