// The study report as a PDF: cover, contents, method note, one section per job (job story,
// statement, forces diagram as vector graphics, strongest quotes, triggers, criteria,
// alternatives) and an appendix (participants, interviews, codebook). A4, numbered pages.
#pragma once

#include <jtbd/export.h>
#include <jtbd/result.h>
#include <jtbd/study.h>

#include <QString>

#include <functional>

namespace jtbd::report {

// Called as the report is drawn: with 0 before the first page, then after each page with the
// pages done of `total`. Returning false cancels the export: nothing is written (an existing
// file at the path is left as it was) and the result is Cancelled.
using ReportProgress = std::function<bool(int done, int total)>;

// Lays out and draws the report of `content` into `path` through a temporary file renamed into
// place: `path` is the whole report or untouched. An unwritable path is an Io error and a full
// disk a DiskFull error, both naming the file. Layout: A4 portrait, a cover, contents with page
// numbers, a method note, one section per job starting on a new page, then the appendix
// (participants, interviews, codebook); every page but the cover has a running header and
// "Page N of M". Long text breaks between lines across pages, never clipped.
Status writePdfReport(const ReportContent &content,
                      const QString &path,
                      const ReportProgress &progress = {});

// loadReportContent, then writePdfReport.
Status writePdfReport(const Study &study,
                      const ExportOptions &options,
                      const QString &path,
                      const ReportProgress &progress = {});

} // namespace jtbd::report
