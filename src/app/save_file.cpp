#include "app/save_file.hpp"

#include "core/atomic_file.hpp"

namespace tl::app {

ChangeOutcome save_file(const std::string& path, std::string_view text) {
    ChangeOutcome out;
    try {
        AtomicFile file(path);
        file.write(text);
        file.commit();
    } catch (const AtomicFileError& e) {
        out.refusal = Refusal::Io;
        set_summary(out, Message("app.cannot-write", TL_MSG("cannot write {path}: {reason}")).text("path", path).nested("reason", e.message()));
        return out;
    }
    out.ok = true;
    set_summary(out, Message("app.saved", TL_MSG("saved {path}")).text("path", path));
    return out;
}

}  // namespace tl::app
