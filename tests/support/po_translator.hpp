#pragma once
// A tl::Translator that reads a gettext .po file directly (tests only). The tests word messages in
// Russian from po/ru.po itself rather than through libintl and the built .mo: no process-wide
// locale or LANGUAGE setting inside the shared test binary, no dependency on a Russian locale being
// installed or on the catalog target having been built; the CLI tests cover the libintl path.
#include <fstream>
#include <map>
#include <sstream>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

#include "core/message.hpp"

namespace tl::test {

class PoTranslator final : public Translator {
public:
    /// Reads `path` (msgid / msgid_plural / msgstr / msgstr[n] entries with continuation lines);
    /// entries with a context and fuzzy entries are left out, as msgfmt leaves fuzzy ones out.
    PoTranslator(const std::string& path, std::string language) : language_(std::move(language)) {
        std::ifstream in(path, std::ios::binary);
        if (!in) throw std::runtime_error("cannot read " + path);
        Entry e;
        std::string* target = nullptr;
        std::string line;
        while (std::getline(in, line)) {
            if (!line.empty() && line.back() == '\r') line.pop_back();
            if (line.empty()) {
                finish(e);
                target = nullptr;
                continue;
            }
            if (line.rfind("#,", 0) == 0 && line.find("fuzzy") != std::string::npos) e.fuzzy = true;
            if (line[0] == '#') continue;
            if (line[0] == '"') {
                if (target) *target += unquote(line);
                continue;
            }
            const std::size_t space = line.find(' ');
            if (space == std::string::npos) continue;
            const std::string key = line.substr(0, space);
            const std::string value = unquote(line.substr(space + 1));
            if (key == "msgctxt") {
                e.context = true;
                target = nullptr;
                continue;
            }
            if (key == "msgid") {
                finish(e);
                e.id = value;
                target = &e.id;
            } else if (key == "msgid_plural") {
                e.plural = value;
                target = &e.plural;
            } else if (key == "msgstr") {
                e.forms.assign(1, value);
                target = &e.forms[0];
            } else if (key.rfind("msgstr[", 0) == 0) {
                const std::size_t n = std::stoul(key.substr(7));
                if (e.forms.size() <= n) e.forms.resize(n + 1);
                e.forms[n] = value;
                target = &e.forms[n];
            }
        }
        finish(e);
    }

    std::string translate(const std::string& msgid) const override {
        auto it = entries_.find(msgid);
        return it == entries_.end() || it->second.empty() || it->second[0].empty() ? msgid : it->second[0];
    }

    std::string translate_plural(const std::string& msgid, const std::string& plural, long long n) const override {
        auto it = entries_.find(msgid);
        const std::size_t form = plural_form(n < 0 ? -n : n);
        if (it == entries_.end() || it->second.size() <= form || it->second[form].empty()) return n == 1 ? msgid : plural;
        return it->second[form];
    }

    std::string language() const override { return language_; }

    /// How many translated entries were read (a test can tell an empty or unreadable catalog).
    std::size_t size() const { return entries_.size(); }

private:
    struct Entry {
        std::string id, plural;
        std::vector<std::string> forms;
        bool fuzzy = false, context = false;
    };

    void finish(Entry& e) {
        if (!e.id.empty() && !e.fuzzy && !e.context && !e.forms.empty()) entries_[e.id] = e.forms;
        e = Entry();
    }

    /// The plural rule of po/ru.po's header (Plural-Forms); other languages use the English rule.
    std::size_t plural_form(long long n) const {
        if (language_ != "ru") return n == 1 ? 0 : 1;
        if (n % 10 == 1 && n % 100 != 11) return 0;
        if (n % 10 >= 2 && n % 10 <= 4 && (n % 100 < 10 || n % 100 >= 20)) return 1;
        return 2;
    }

    static std::string unquote(const std::string& s) {
        const std::size_t open = s.find('"'), close = s.rfind('"');
        if (open == std::string::npos || close <= open) return {};
        std::string out;
        for (std::size_t i = open + 1; i < close; ++i) {
            if (s[i] != '\\' || i + 1 >= close) {
                out += s[i];
                continue;
            }
            const char c = s[++i];
            out += c == 'n' ? '\n' : c == 't' ? '\t' : c;
        }
        return out;
    }

    std::string language_;
    std::map<std::string, std::vector<std::string>> entries_;
};

}  // namespace tl::test
