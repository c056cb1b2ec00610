#include "gui/workbook_export.hpp"

#include <exception>

#include <wx/event.h>

#include "app/file_export.hpp"
#include "gui/i18n.hpp"
#include "io/xlsx/xlsx_book.hpp"

#ifndef TL_VERSION
#define TL_VERSION "unknown"
#endif

namespace tl::gui {

io::ExportInfo WorkbookExporter::file_export_info(const Evaluation& ev) {
    return app::file_export_info(ev.rules_path, ev.rules_text, ev.bids_path, ev.bids_bytes, TL_VERSION);
}

WorkbookExporter::~WorkbookExporter() {
    cancel_ = true;
    if (worker_.joinable()) worker_.join();
}

bool WorkbookExporter::start(std::shared_ptr<const Evaluation> evaluation, io::ExportInfo info, const std::string& path,
                             ProgressFn progress, DoneFn done) {
    if (busy_ || !evaluation) return false;
    if (worker_.joinable()) worker_.join();  // the previous one has finished (busy_ is false)
    busy_ = true;
    cancel_ = false;
    // The worker reports each step to the UI thread, which may ask to stop; the worker sees that
    // at its next step.
    info.progress = [this, progress](double fraction) {
        if (progress)
            owner_.CallAfter([this, progress, fraction] {
                if (busy_ && !progress(fraction)) cancel_ = true;
            });
        return !cancel_.load();
    };
    worker_ = std::thread([this, evaluation = std::move(evaluation), info = std::move(info), path, done = std::move(done)] {
        std::string error;
        Message message;  // the writer's error as a value, worded on the UI thread
        try {
            // write_evaluation_workbook keeps LC_NUMERIC at "C" on this thread while it writes,
            // whatever locale the UI set.
            io::write_evaluation_workbook(path, evaluation->rules, evaluation->bids, evaluation->result, info);
        } catch (const io::XlsxError& e) {
            error = e.what();
            message = e.message;
        } catch (const std::exception& e) {
            error = e.what();
            if (error.empty()) error = "unknown error";
        }
        owner_.CallAfter([this, done, error, message] {
            busy_ = false;
            done(message.empty() ? error : word(message, ui_translator()));
        });
    });
    return true;
}

}  // namespace tl::gui
