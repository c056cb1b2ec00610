#include "app/project_export.hpp"

#include <optional>

#include "core/atomic_file.hpp"
#include "io/workbook/evaluation_workbook.hpp"
#include "io/xlsx/xlsx_book.hpp"

namespace tl::app {

Message export_not_placed(const std::string& path, const Message& reason) {
    return Message("app.export.recorded-not-placed",
                   TL_MSG("the export was recorded in the log, but the workbook could not be put at {path}: {reason}; no "
                          "workbook was written: export it again"))
        .text("path", path)
        .nested("reason", reason);
}

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
    // The workbook goes to a temporary beside `path`, is recorded from there, and only then takes
    // the place of `path`: when the record fails (a full disk, a locked project) no workbook is
    // left that the log does not know of, and a file `path` held before is still there.
    std::optional<AtomicFile> file;
    try {
        file.emplace(path);
        // The workbook writer has its own temporary, which it renames over this one when complete.
        io::write_evaluation_workbook(file->temp_path(), ev.rules, ev.bids, ev.result, project.export_info(ev, tool_version));
    } catch (const AtomicFileError& e) {
        out.refusal = Refusal::Io;
        set_summary(out, Message("app.cannot-write", TL_MSG("cannot write {path}: {reason}")).text("path", path).nested("reason", e.message()));
        return out;
    } catch (const io::XlsxError& e) {
        // The writer names the file it wrote, our temporary: the user knows the workbook's name.
        Message m = e.message;
        for (MessageArg& a : m.args)
            if (a.name == "file" && a.text == file->temp_path()) a.text = path;
        out.refusal = Refusal::Io;
        set_summary(out, std::move(m));
        return out;
    }
    ChangeOutcome recorded = project.record_export(ev, path, reason, file->temp_path());
    if (!recorded.ok) return recorded;  // the temporary goes with `file`
    try {
        file->commit();
    } catch (const AtomicFileError& e) {
        // The log now names a workbook that is not there: say so plainly, so that it is exported again.
        ChangeOutcome failed;
        failed.refusal = Refusal::Io;
        set_summary(failed, export_not_placed(path, e.message()));
        return failed;
    }
    return recorded;
}

}  // namespace tl::app
