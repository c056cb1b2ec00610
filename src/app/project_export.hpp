#pragma once
/// Exporting a project's evaluation workbook in one call: written to a temporary with the
/// project's inputs and audit head on its Audit sheet, recorded in the log, and only then put in
/// place (a failed record leaves no workbook, and the file it would have replaced as it was).
/// The GUI writes on a worker thread with progress and records afterwards with the same
/// TenderProject::export_info and record_export; the CLI calls this.
#include <string>

#include "app/tender_project.hpp"

namespace tl::app {

/// Writes the workbook of `ev` at `path` and records the export. Refused with
/// Refusal::Provisional while consensus scores are missing (`ev.missing`; no file is written),
/// Refusal::Io when the file cannot be written (the summary names it and why), the record's
/// refusal when the log cannot take it (no file is written then either). Check the output with
/// check_output (app/output_guard.hpp) first.
ChangeOutcome export_workbook(TenderProject& project, const ProjectEvaluation& ev, const std::string& path,
                              const std::string& tool_version, const std::string& reason);

/// "the export was recorded in the log, but the workbook could not be put at PATH: reason; ...":
/// the one failure after the record (the GUI stages its export the same way).
Message export_not_placed(const std::string& path, const Message& reason);

}  // namespace tl::app
