#include "app/data_paths.hpp"

#include <unistd.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <system_error>

namespace tl::app {

namespace fs = std::filesystem;

namespace {

constexpr const char* kTemplate = "templates/new-rules.crit";

bool is_file(const fs::path& p) {
    std::error_code ec;
    return fs::is_regular_file(p, ec);
}

bool is_dir(const fs::path& p) {
    std::error_code ec;
    return fs::is_directory(p, ec);
}

std::string clean(const fs::path& p) {
    std::string s = p.lexically_normal().string();
    if (s.size() > 1 && s.back() == '/') s.pop_back();
    return s;
}

/// The installed layout around `share` (= `<prefix>/share`), with `data` its tenderloop folder.
DataPaths installed_layout(const fs::path& data, const fs::path& share, const std::string& layout) {
    DataPaths p;
    p.layout = layout;
    p.data_dir = clean(data);
    p.rules_dir = clean(data / "rules");
    p.samples_dir = clean(data / "samples");
    p.templates_dir = clean(data / "templates");
    p.locale_dir = clean(share / "locale");
    p.doc_dir = clean(share / "doc" / "tenderloop");
    p.icon_file = clean(share / "icons" / "hicolor" / "scalable" / "apps" / "tenderloop.svg");
    return p;
}

/// The marker's `key=value` lines ('#' starts a comment line).
std::map<std::string, std::string> read_marker(const fs::path& file) {
    std::map<std::string, std::string> values;
    std::ifstream in(file);
    std::string line;
    while (std::getline(in, line)) {
        if (!line.empty() && line.back() == '\r') line.pop_back();
        const auto eq = line.find('=');
        if (line.empty() || line[0] == '#' || eq == std::string::npos) continue;
        values[line.substr(0, eq)] = line.substr(eq + 1);
    }
    return values;
}

/// `value` as a path; a relative one is relative to the marker's folder.
fs::path marker_path(const fs::path& marker_dir, const std::string& value) {
    const fs::path p(value);
    return p.is_absolute() ? p : marker_dir / p;
}

/// The build-tree layout from the first marker in `exe_dir` or up to three folders above it, into
/// `out`; false when there is none (or it is unusable), with the reason added to `looked_in`.
bool build_tree_layout(const fs::path& exe_dir, DataPaths& out, std::vector<std::string>& looked_in) {
    fs::path dir = exe_dir;
    std::string searched;
    for (int up = 0; up < 4 && !dir.empty(); ++up) {
        const fs::path marker = dir / kBuildTreeMarker;
        searched += (searched.empty() ? "" : ", ") + clean(dir);
        if (is_file(marker)) {
            const auto values = read_marker(marker);
            const auto source = values.find("source_dir");
            if (source == values.end() || source->second.empty()) {
                looked_in.push_back("build tree: " + clean(marker) + " has no source_dir= line");
                return false;
            }
            const fs::path src = marker_path(dir, source->second);
            if (!is_file(src / kTemplate)) {
                looked_in.push_back("build tree: " + clean(marker) + " names the source folder " + clean(src) +
                                    ", which has no " + kTemplate);
                return false;
            }
            const auto locale = values.find("locale_dir");
            DataPaths p;
            p.layout = "build tree";
            p.data_dir = clean(src);
            p.rules_dir = clean(src / "rules");
            p.samples_dir = clean(src / "samples");
            p.templates_dir = clean(src / "templates");
            p.locale_dir = clean(marker_path(dir, locale == values.end() ? "locale" : locale->second));
            p.doc_dir = clean(src / "docs");
            p.icon_file = clean(src / "installer" / "tenderloop.svg");
            out = p;
            return true;
        }
        if (dir == dir.root_path()) break;
        dir = dir.parent_path();
    }
    looked_in.push_back(std::string("build tree: no ") + kBuildTreeMarker + " in " + searched);
    return false;
}

std::string joined(const std::vector<std::string>& items) {
    std::string out;
    for (std::size_t i = 0; i < items.size(); ++i) out += "\n  " + std::to_string(i + 1) + ". " + items[i];
    return out;
}

}  // namespace

std::vector<std::string> DataPaths::missing() const {
    std::vector<std::string> out;
    if (!found()) return out;
    if (!is_dir(rules_dir)) out.push_back("criteria library: " + rules_dir);
    if (!is_dir(samples_dir)) out.push_back("samples: " + samples_dir);
    if (!is_dir(locale_dir)) out.push_back("translations: " + locale_dir);
    if (!is_file(language_reference())) out.push_back("language reference: " + language_reference());
    if (!is_file(icon_file)) out.push_back("icon: " + icon_file);
    return out;
}

DataPaths find_data_paths(const std::string& executable, const std::string& data_dir_override) {
    std::vector<std::string> looked_in;
    if (!data_dir_override.empty()) {
        std::error_code ec;
        fs::path data = fs::absolute(fs::path(data_dir_override), ec);
        if (ec) data = data_dir_override;
        data = data.lexically_normal();
        if (data.filename().empty()) data = data.parent_path();  // "DIR/" names DIR
        if (is_file(data / kTemplate)) return installed_layout(data, data.parent_path(), kDataDirVariable);
        DataPaths none;
        none.looked_in.push_back(std::string(kDataDirVariable) + "=" + data_dir_override + ": no " + kTemplate +
                                 " in " + clean(data));
        none.error = std::string("TenderLoop's data was not found:") + joined(none.looked_in) + "\n" + kDataDirVariable +
                     " must name the folder installed as <prefix>/share/tenderloop.";
        return none;
    }
    if (executable.empty()) {
        looked_in.push_back("the program's own location is unknown (no /proc/self/exe)");
    } else {
        const fs::path exe_dir = fs::path(executable).lexically_normal().parent_path();
        const fs::path share = exe_dir.parent_path() / "share";
        const fs::path data = share / "tenderloop";
        if (is_file(data / kTemplate)) {
            DataPaths p = installed_layout(data, share, "installed");
            p.looked_in = looked_in;
            return p;
        }
        looked_in.push_back("installed: no " + std::string(kTemplate) + " in " + clean(data));
        DataPaths p;
        if (build_tree_layout(exe_dir, p, looked_in)) {
            p.looked_in = looked_in;
            return p;
        }
    }
    DataPaths none;
    none.looked_in = looked_in;
    none.error = "TenderLoop's data (the criteria library, templates, samples) was not found for " +
                 (executable.empty() ? std::string("this program") : executable) + "; looked in:" + joined(looked_in) +
                 "\nReinstall, or set " + kDataDirVariable + " to the folder installed as <prefix>/share/tenderloop.";
    return none;
}

std::string current_executable(const char* argv0) {
    std::error_code ec;
    const fs::path self = fs::read_symlink("/proc/self/exe", ec);
    if (!ec && self.is_absolute()) return self.string();
    if (argv0 == nullptr || *argv0 == '\0') return "";
    const std::string name(argv0);
    if (name.find('/') != std::string::npos) {
        const fs::path p = fs::weakly_canonical(fs::absolute(name, ec), ec);
        return ec ? "" : p.string();
    }
    const char* path = std::getenv("PATH");
    std::string dirs = path ? path : "";
    std::size_t start = 0;
    while (start <= dirs.size()) {
        const std::size_t colon = std::min(dirs.find(':', start), dirs.size());
        const fs::path candidate = fs::path(dirs.substr(start, colon - start)) / name;
        if (is_file(candidate) && ::access(candidate.c_str(), X_OK) == 0) return fs::weakly_canonical(candidate, ec).string();
        start = colon + 1;
    }
    return "";
}

const DataPaths& program_data_paths() {
    static const DataPaths paths = [] {
        const char* over = std::getenv(kDataDirVariable);
        return find_data_paths(current_executable(), over ? over : "");
    }();
    return paths;
}

std::string data_summary(const DataPaths& paths) {
    if (!paths.found()) {
        std::string out = "not found (looked in: ";
        for (std::size_t i = 0; i < paths.looked_in.size(); ++i) out += (i ? "; " : "") + paths.looked_in[i];
        return out + ")";
    }
    return paths.data_dir + " (" + paths.layout + ")";
}

}  // namespace tl::app
