#include "lang/load.hpp"

#include <filesystem>
#include <map>
#include <set>

#include "core/input_file.hpp"
#include "lang/check.hpp"
#include "lang/limits.hpp"
#include "lang/source_text.hpp"

namespace tl::lang {

namespace fs = std::filesystem;

namespace {

/// Why a path cannot be read as a file.
Message why_unreadable(const fs::path& p) {
    std::error_code ec;
    return fs::exists(p, ec) ? Message("lang.not-a-regular-file", TL_MSG("not a regular file"))
                             : Message("lang.no-such-file", TL_MSG("no such file"));
}

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

    Diagnostic import_error(const Item& it, const std::string& path, Message what) {
        return make_diagnostic(Severity::Error, it.id_pos, std::move(what), source_line(texts[path], it.pos.line));
    }

    /// Parses a file into result.files. False, with nothing reported, for an imported file that
    /// fails at its very first token: it is no rules file at all (an import of /etc/shadow), and
    /// quoting its first line would show a stranger's file to whoever reads the messages.
    bool add_file(const std::string& text, const std::string& path, bool imported) {
        RuleFile file;
        // A UTF-8 BOM from Windows editors is not part of the rules.
        // A lone CR (old Mac editors) ends a line, as it does for the parser.
        std::string body = with_line_ends(text.rfind("\xEF\xBB\xBF", 0) == 0 ? text.substr(3) : text);
        texts[path] = body;
        Diagnostics found;
        const bool parsed = parse_rules(body, path, file, found);
        // Kept even when it does not parse: the main file is always files.front().
        result.files.push_back(std::move(file));
        if (imported && !parsed && !found.empty() && at_first_token(body, found.back().pos)) {
            texts[path].clear();
            return false;
        }
        result.diagnostics.insert(result.diagnostics.end(), found.begin(), found.end());
        return true;
    }

    /// True when `pos` is the first thing in `text` that is neither space nor a comment.
    static bool at_first_token(const std::string& text, const SourcePos& pos) {
        int line = 1;
        std::size_t line_start = 0, i = 0;
        while (i < text.size()) {
            const char c = text[i];
            if (c == '\n') {
                ++line, ++i, line_start = i;
            } else if (c == ' ' || c == '\t') {
                ++i;
            } else if (c == '#' || text.compare(i, 2, "//") == 0) {
                while (i < text.size() && text[i] != '\n') ++i;
            } else {
                break;
            }
        }
        return pos.line == line && pos.col == static_cast<int>(i - line_start) + 1;
    }

    // Files are parsed depth-first; items are collected after all parsing so that pointers into
    // result.files stay valid (the vector no longer grows).
    /// False when an imported file is no rules file (add_file); nothing below it is loaded then.
    bool load(const std::string& text, const std::string& path) {
        const bool imported = !stack.empty();
        stack.push_back(path);
        loaded.insert(canonical(path));
        if (!add_file(text, path, imported)) {
            stack.pop_back();
            return false;
        }
        const std::size_t me = result.files.size() - 1;
        const std::vector<Item> my_items = result.files[me].items;  // copy: files may grow below
        for (const Item& it : my_items) {
            if (it.keyword != "import") continue;
            const fs::path target = fs::path(path).parent_path() / it.id;
            const std::string key = canonical(target);
            bool cycle = false;
            // The chain is a list of file names: `a.crit imports b.crit imports a.crit`.
            Message chain;
            for (const auto& s : stack) {
                cycle |= canonical(s) == key;
                if (cycle)
                    chain = Message("lang.import-chain", TL_MSG("{chain}{file} imports "))
                                .nested("chain", chain)
                                .text("file", fs::path(s).filename().string());
            }
            if (cycle) {
                result.diagnostics.push_back(import_error(
                    it, path, Message("lang.import-cycle", TL_MSG("import cycle: {chain}{file}"))
                                  .nested("chain", chain)
                                  .text("file", fs::path(target).filename().string())));
                continue;
            }
            if (loaded.count(key)) continue;  // a library imported twice counts once
            // Only regular files: a folder would read as an empty file, /dev/zero would never end.
            std::error_code ec;
            if (!fs::is_regular_file(target, ec)) {
                result.diagnostics.push_back(import_error(
                    it, path, Message("lang.import-missing", TL_MSG("cannot import '{name}': {reason} (looked for {path})"))
                                  .text("name", it.id)
                                  .nested("reason", why_unreadable(target))
                                  .text("path", target.string())));
                continue;
            }
            InputFile imported = read_input_file(target.string(), InputKind::Rules);
            if (!imported.ok()) {
                result.diagnostics.push_back(import_error(
                    it, path, Message("lang.import-unreadable", TL_MSG("cannot import '{name}': {reason}")).text("name", it.id).nested("reason", std::move(*imported.error))));
                continue;
            }
            if (!load(imported.bytes, target.string()))
                result.diagnostics.push_back(import_error(
                    it, path, Message("lang.import-not-rules", TL_MSG("cannot import '{name}': {path} is not a rules file (it does not "
                                                                     "start with an item such as tender, field or criterion)"))
                                  .text("name", it.id)
                                  .text("path", target.string())));
        }
        stack.pop_back();
        return true;
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
    if (loader.items.size() > static_cast<std::size_t>(kMaxItems)) {
        const Item& first_over = *loader.items[kMaxItems];
        result.diagnostics.push_back(make_diagnostic(
            Severity::Error, first_over.pos,
            Message("lang.too-many-items", TL_MSG("the rules have {n} items, more than the {limit} a set of rules may have "
                                                  "(fields, lets, requirements, criteria and groups, imports counted)"))
                .text("n", std::to_string(loader.items.size()))
                .text("limit", std::to_string(kMaxItems)),
            source_line(loader.texts[first_over.pos.file], first_over.pos.line)));
        return result;
    }
    Checker checker(result.diagnostics, loader.texts);
    result.rules = checker.check(loader.items);
    return result;
}

}  // namespace

LoadResult load_rules_file(const std::string& path) {
    InputFile file = read_input_file(path, InputKind::Rules);
    if (!file.ok()) {
        LoadResult r;
        SourcePos pos;
        pos.file = path;
        r.diagnostics.push_back(make_diagnostic(Severity::Error, pos, std::move(*file.error)));
        return r;
    }
    return load(file.bytes, path);
}

LoadResult load_rules_text(const std::string& text, const std::string& path) { return load(text, path); }

}  // namespace tl::lang
