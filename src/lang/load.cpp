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

    bool read(const std::string& path, std::string& text) {
        std::ifstream in(path, std::ios::binary);
        if (!in) return false;
        std::ostringstream ss;
        ss << in.rdbuf();
        text = ss.str();
        return true;
    }

    void add_file(const std::string& text, const std::string& path) {
        RuleFile file;
        // A UTF-8 BOM from Windows editors is not part of the rules.
        std::string body = text.rfind("\xEF\xBB\xBF", 0) == 0 ? text.substr(3) : text;
        texts[path] = body;
        if (!parse_rules(body, path, file, result.diagnostics)) {
            result.files.push_back(std::move(file));
            return;
        }
        result.files.push_back(std::move(file));
    }

    // Files are parsed depth-first; items are collected after all parsing so that pointers into
    // result.files stay valid (the vector no longer grows).
    void load(const std::string& text, const std::string& path) {
        stack.push_back(path);
        loaded.insert(fs::weakly_canonical(path).string());
        add_file(text, path);
        const std::size_t me = result.files.size() - 1;
        const std::vector<Item> my_items = result.files[me].items;  // copy: files may grow below
        for (const Item& it : my_items) {
            if (it.keyword != "import") continue;
            const fs::path target = fs::path(path).parent_path() / it.id;
            const std::string key = fs::weakly_canonical(target).string();
            bool cycle = false;
            for (const auto& s : stack) cycle |= fs::weakly_canonical(s).string() == key;
            if (cycle) {
                Diagnostic d;
                d.pos = it.pos;
                d.message = "import cycle: '" + it.id + "' is already being read";
                result.diagnostics.push_back(d);
                continue;
            }
            if (loaded.count(key)) continue;  // a library imported twice counts once
            std::string imported;
            if (!read(target.string(), imported)) {
                Diagnostic d;
                d.pos = it.pos;
                d.message = "cannot read imported file '" + target.string() + "'";
                d.source_line = source_line(texts[path], it.pos.line);
                result.diagnostics.push_back(d);
                continue;
            }
            load(imported, target.string());
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
            const std::string key = fs::weakly_canonical(fs::path(file.path).parent_path() / it.id).string();
            if (done.count(key)) continue;
            done.insert(key);
            for (const RuleFile& f : result.files)
                if (fs::weakly_canonical(f.path).string() == key) collect(f, done);
        }
    }
};

LoadResult load(const std::string& text, const std::string& path) {
    LoadResult result;
    Loader loader{result, {}, {}, {}, {}};
    loader.load(text, path);
    if (has_errors(result.diagnostics)) return result;
    std::set<std::string> done{fs::weakly_canonical(path).string()};
    loader.collect(result.files.front(), done);
    Checker checker(result.diagnostics, loader.texts);
    result.rules = checker.check(loader.items);
    return result;
}

}  // namespace

LoadResult load_rules_file(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        LoadResult r;
        Diagnostic d;
        d.pos.file = path;
        d.message = "cannot read rules file '" + path + "'";
        r.diagnostics.push_back(d);
        return r;
    }
    std::ostringstream ss;
    ss << in.rdbuf();
    return load(ss.str(), path);
}

LoadResult load_rules_text(const std::string& text, const std::string& path) { return load(text, path); }

}  // namespace tl::lang
