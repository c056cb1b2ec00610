#pragma once
/// Writing the evaluation workbook on a worker thread: the UI stays responsive, progress and the
/// result come back to the UI thread through CallAfter on the owner, and the user may cancel.
#include <atomic>
#include <functional>
#include <memory>
#include <string>
#include <thread>

#include "gui/tender_session.hpp"
#include "io/workbook/evaluation_workbook.hpp"

class wxEvtHandler;

namespace tl::gui {

class WorkbookExporter {
public:
    /// `done(error)` runs on the UI thread; `error` is empty on success.
    using DoneFn = std::function<void(const std::string& error)>;
    /// Runs on the UI thread with the fraction written; returning false cancels the export.
    using ProgressFn = std::function<bool(double fraction)>;

    explicit WorkbookExporter(wxEvtHandler& owner) : owner_(owner) {}
    ~WorkbookExporter();
    WorkbookExporter(const WorkbookExporter&) = delete;
    WorkbookExporter& operator=(const WorkbookExporter&) = delete;

    /// Starts writing `evaluation` to `path`, with `info` for its Audit sheet (made on the UI
    /// thread: a project is read there). Returns false when an export is still running.
    bool start(std::shared_ptr<const Evaluation> evaluation, io::ExportInfo info, const std::string& path,
               ProgressFn progress, DoneFn done);
    bool busy() const { return busy_; }

    /// The Audit sheet's inputs for an evaluation of files (a project's come from the project).
    static io::ExportInfo file_export_info(const Evaluation& ev);

private:
    wxEvtHandler& owner_;
    std::thread worker_;
    std::atomic<bool> cancel_{false};
    bool busy_ = false;  ///< touched on the UI thread only
};

}  // namespace tl::gui
