#include "app/save_file.hpp"

#include "core/atomic_file.hpp"

namespace tl::app {

ChangeOutcome save_file(const std::string& path, std::string_view text) {
    ChangeOutcome out;
    std::string error;
    if (!write_file_atomically(path, text, error)) {
        out.refusal = Refusal::Io;
        set_summary(out, Message("app.cannot-write", TL_MSG("cannot write {path}: {reason}")).text("path", path).text("reason", error));
        return out;
    }
    out.ok = true;
    set_summary(out, Message("app.saved", TL_MSG("saved {path}")).text("path", path));
    return out;
}

}  // namespace tl::app
