#include "app/save_file.hpp"

#include "core/atomic_file.hpp"

namespace tl::app {

ChangeOutcome save_file(const std::string& path, std::string_view text) {
    ChangeOutcome out;
    std::string error;
    if (!write_file_atomically(path, text, error)) {
        out.refusal = Refusal::Io;
        out.summary = "cannot write " + path + ": " + error;
        return out;
    }
    out.ok = true;
    out.summary = "saved " + path;
    return out;
}

}  // namespace tl::app
