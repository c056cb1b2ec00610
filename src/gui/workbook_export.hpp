#pragma once
/// Writing the evaluation workbook on a worker thread: the UI stays responsive, and the result
/// comes back to the UI thread through CallAfter on the owner.
#include <functional>
#include <memory>
#include <string>
#include <thread>

#include "gui/tender_session.hpp"

class wxEvtHandler;

namespace tl::gui {

class WorkbookExporter {
public:
    /// `done(error)` runs on the UI thread; `error` is empty on success.
    using DoneFn = std::function<void(const std::string& error)>;

    explicit WorkbookExporter(wxEvtHandler& owner) : owner_(owner) {}
    ~WorkbookExporter();
    WorkbookExporter(const WorkbookExporter&) = delete;
    WorkbookExporter& operator=(const WorkbookExporter&) = delete;

    /// Starts writing `evaluation` to `path`. Returns false when an export is still running.
    bool start(std::shared_ptr<const Evaluation> evaluation, const std::string& path, DoneFn done);
    bool busy() const { return busy_; }

private:
    wxEvtHandler& owner_;
    std::thread worker_;
    bool busy_ = false;  ///< touched on the UI thread only
};


}  // namespace tl::gui
