#include "gui/workbook_export.hpp"

#include <cstdlib>
#include <ctime>
#include <exception>
#include <filesystem>

#include <wx/event.h>

#include "core/sha256.hpp"
#include "io/evaluation_workbook.hpp"
#include "io/timestamp.hpp"

#ifndef TL_VERSION
#define TL_VERSION "unknown"
#endif

namespace tl::gui {

namespace {

io::ExportInfo export_info(const Evaluation& ev) {
    io::ExportInfo info;
    info.tool_version = TL_VERSION;
    info.exported_at = io::utc_now_iso();  // SOURCE_DATE_EPOCH fixes it
    info.rules = {std::filesystem::path(ev.rules_path).filename().string(), sha256_hex(ev.rules_text)};
    info.bids = {std::filesystem::path(ev.bids_path).filename().string(), sha256_hex(ev.bids_bytes)};
    return info;
}

}  // namespace

WorkbookExporter::~WorkbookExporter() {
    if (worker_.joinable()) worker_.join();
}

bool WorkbookExporter::start(std::shared_ptr<const Evaluation> evaluation, const std::string& path, DoneFn done) {
    if (busy_ || !evaluation) return false;
    if (worker_.joinable()) worker_.join();  // the previous one has finished (busy_ is false)
    busy_ = true;
    worker_ = std::thread([this, evaluation = std::move(evaluation), path, done = std::move(done)] {
        std::string error;
        try {
            // write_evaluation_workbook keeps LC_NUMERIC at "C" on this thread while it writes,
            // whatever locale the UI set.
            io::write_evaluation_workbook(path, evaluation->rules, evaluation->bids, evaluation->result,
                                          export_info(*evaluation));
        } catch (const std::exception& e) {
            error = e.what();
            if (error.empty()) error = "unknown error";
        }
        owner_.CallAfter([this, done, error] {
            busy_ = false;
            done(error);
        });
    });
    return true;
}

}  // namespace tl::gui
