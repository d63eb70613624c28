"""`idc-desktop report`: the service report for a date range, as PDF or CSV. Never imports Qt."""

from __future__ import annotations

import argparse
from pathlib import Path

from idc_desktop.domain import wording
from idc_desktop.exits import EXIT_OK, refuse_findings, terminal_safe
from idc_desktop.export.files import write_atomically
from idc_desktop.services import Services
from idc_desktop.services.desk import check_range, parse_day


def cmd_report(args: argparse.Namespace, services: Services) -> int:
    start, end = parse_day(args.start, "--from"), parse_day(args.end, "--to")
    check_range(start, end)
    desk = services.desk
    report = desk.report(start, end)
    findings = desk.report_findings(report)  # specialties, disciplines and item labels: what it prints
    if findings and not args.allow_findings:
        return refuse_findings(findings, "report")
    data = desk.report_pdf(report, args.paper) if args.format == "pdf" else desk.report_csv(report)
    output = Path(args.output or f"idc-service-report-{start.isoformat()}-to-{end.isoformat()}.{args.format}")
    write_atomically(output, data)
    print(terminal_safe(f"wrote {output} ({wording.count(report.sessions, 'consultation')}, "
                        f"{wording.count(report.cases, 'case')})"))
    return EXIT_OK
