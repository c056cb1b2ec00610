#include "app/project_export.hpp"

#include "io/workbook/evaluation_workbook.hpp"
#include "io/xlsx/xlsx_book.hpp"

namespace tl::app {

ChangeOutcome export_workbook(TenderProject& project, const ProjectEvaluation& ev, const std::string& path,
                              const std::string& tool_version, const std::string& reason) {
    ChangeOutcome out;
    if (ev.provisional()) {
        out.refusal = Refusal::Provisional;
        set_summary(out, Message("app.export.provisional", TL_MSG_PLURAL("no workbook: {n} consensus score missing",
                                                                         "no workbook: {n} consensus scores missing"))
                             .count("n", static_cast<long long>(ev.missing.size())));
        return out;
    }
    try {
        io::write_evaluation_workbook(path, ev.rules, ev.bids, ev.result, project.export_info(ev, tool_version));
    } catch (const io::XlsxError& e) {
        out.refusal = Refusal::Io;
        set_summary(out, e.message);
        return out;
    }
    return project.record_export(ev, path, reason);
}

}  // namespace tl::app
