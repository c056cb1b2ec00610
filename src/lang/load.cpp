#include "lang/load.hpp"

#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <sstream>

#include "lang/check.hpp"

namespace tl::lang {

namespace fs = std::filesystem;

namespace {

struct Loader {
    LoadResult& result;
    std::map<std::string, std::string> texts;  // path -> text, for diagnostics' source lines
    std::set<std::string> loaded;
    std::vector<std::string> stack;  // files being loaded, to report import cycles
    std::vector<const Item*> items;

    static std::string canonical(const fs::path& p) {
        // The error_code form: a name too long for the system is "not found", not a crash.
        std::error_code ec;
        fs::path c = fs::weakly_canonical(p, ec);
        return ec ? p.lexically_normal().string() : c.string();
    }

    Diagnostic import_error(const Item& it, const std::string& path, const std::string& message) {
        Diagnostic d;
        d.pos = it.id_pos;
        d.message = message;
        d.source_line = source_line(texts[path], it.pos.line);
        return d;
    }

    void add_file(const std::string& text, const std::string& path) {
        RuleFile file;
        // A UTF-8 BOM from Windows editors is not part of the rules.
        std::string body = text.rfind("\xEF\xBB\xBF", 0) == 0 ? text.substr(3) : text;
        texts[path] = body;
        // Kept even when it does not parse: the main file is always files.front().
        parse_rules(body, path, file, result.diagnostics);
        result.files.push_back(std::move(file));
    }

    // Files are parsed depth-first; items are collected after all parsing so that pointers into
    // result.files stay valid (the vector no longer grows).
    void load(const std::string& text, const std::string& path) {
        stack.push_back(path);
        loaded.insert(canonical(path));
        add_file(text, path);
        const std::size_t me = result.files.size() - 1;
        const std::vector<Item> my_items = result.files[me].items;  // copy: files may grow below
        for (const Item& it : my_items) {
            if (it.keyword != "import") continue;
            const fs::path target = fs::path(path).parent_path() / it.id;
            const std::string key = canonical(target);
            bool cycle = false;
            std::string chain;
            for (const auto& s : stack) {
                cycle |= canonical(s) == key;
                if (cycle) chain += fs::path(s).filename().string() + " imports ";
            }
            if (cycle) {
                chain += fs::path(target).filename().string();
                result.diagnostics.push_back(import_error(it, path, "import cycle: " + chain));
                continue;
            }
            if (loaded.count(key)) continue;  // a library imported twice counts once
            // Only regular files: a folder would read as an empty file, /dev/zero would never end.
            std::error_code ec;
            if (!fs::is_regular_file(target, ec)) {
                result.diagnostics.push_back(import_error(
                    it, path, "cannot import '" + it.id + "': " +
                                  (fs::exists(target, ec) ? "not a regular file" : "no such file") + " (looked for " +
                                  target.string() + ")"));
                continue;
            }
            std::ifstream in(target, std::ios::binary);
            std::ostringstream ss;
            ss << in.rdbuf();
            if (!in.good() && !in.eof()) {
                result.diagnostics.push_back(import_error(it, path, "cannot read imported file '" + target.string() + "'"));
                continue;
            }
            load(ss.str(), target.string());
        }
        stack.pop_back();
    }

    // Imported items stand where the import stands.
    void collect(const RuleFile& file, std::set<std::string>& done) {
        for (const Item& it : file.items) {
            if (it.keyword != "import") {
                items.push_back(&it);
                continue;
            }
            const std::string key = canonical(fs::path(file.path).parent_path() / it.id);
            if (done.count(key)) continue;
            done.insert(key);
            for (const RuleFile& f : result.files)
                if (canonical(f.path) == key) collect(f, done);
        }
    }
};

LoadResult load(const std::string& text, const std::string& path) {
    LoadResult result;
    Loader loader{result, {}, {}, {}, {}};
    loader.load(text, path);
    if (has_errors(result.diagnostics)) return result;
    std::set<std::string> done{Loader::canonical(path)};
    loader.collect(result.files.front(), done);
    Checker checker(result.diagnostics, loader.texts);
    result.rules = checker.check(loader.items);
    return result;
}

}  // namespace

LoadResult load_rules_file(const std::string& path) {
    std::error_code ec;
    std::ifstream in(path, std::ios::binary);
    if (!fs::is_regular_file(path, ec) || !in) {
        LoadResult r;
        Diagnostic d;
        d.pos.file = path;
        d.message = "cannot read rules file '" + path + "': " + (fs::exists(path, ec) ? "not a regular file" : "no such file");
        r.diagnostics.push_back(d);
        return r;
    }
    std::ostringstream ss;
    ss << in.rdbuf();
    return load(ss.str(), path);
}

LoadResult load_rules_text(const std::string& text, const std::string& path) { return load(text, path); }

}  // namespace tl::lang
