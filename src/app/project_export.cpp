#include "app/project_export.hpp"

#include "io/workbook/evaluation_workbook.hpp"
#include "io/xlsx/xlsx_book.hpp"

namespace tl::app {

ChangeOutcome export_workbook(TenderProject& project, const ProjectEvaluation& ev, const std::string& path,
                              const std::string& tool_version, const std::string& reason) {
    ChangeOutcome out;
    if (ev.provisional()) {
        out.refusal = Refusal::Provisional;
        out.summary = "no workbook: " + std::to_string(ev.missing.size()) + " consensus score(s) missing";
        return out;
    }
    try {
        io::write_evaluation_workbook(path, ev.rules, ev.bids, ev.result, project.export_info(ev, tool_version));
    } catch (const io::XlsxError& e) {
        out.refusal = Refusal::Io;
        out.summary = e.what();
        return out;
    }
    return project.record_export(ev, path, reason);
}

}  // namespace tl::app
