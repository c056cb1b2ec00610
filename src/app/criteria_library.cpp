#include "app/criteria_library.hpp"

#include <algorithm>
#include <filesystem>
#include <sstream>

#include "core/input_file.hpp"

namespace tl::app {

namespace {

std::string trim(std::string s) {
    const auto b = s.find_first_not_of(" \t\r");
    if (b == std::string::npos) return "";
    const auto e = s.find_last_not_of(" \t\r");
    return s.substr(b, e - b + 1);
}

std::string lower_ascii(std::string s) {
    for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return s;
}

/// The value of `key: value` in a leading `//` comment line, or "".
std::string header_value(const std::string& line, const std::string& key) {
    const std::string t = trim(line);
    if (t.rfind("//", 0) != 0) return "";
    const std::string body = trim(t.substr(2));
    if (lower_ascii(body).rfind(key + ":", 0) != 0) return "";
    return trim(body.substr(key.size() + 1));
}

/// `KEY: "..."` (KEY = title or title_ru) inside the first `tender { ... }` block.
std::string tender_text(const std::string& text, const std::string& name) {
    std::size_t at = 0;
    while ((at = text.find("tender", at)) != std::string::npos) {
        const std::size_t open = text.find_first_not_of(" \t\r\n", at + 6);
        if (open != std::string::npos && text[open] == '{' && (at == 0 || !std::isalnum(static_cast<unsigned char>(text[at - 1])))) {
            const std::size_t close = text.find('}', open);
            std::size_t key = open;
            // "title:" must not match the end of "subtitle:"; "title:" is not inside "title_ru:".
            while ((key = text.find(name + ":", key + 1)) != std::string::npos && key < close &&
                   (std::isalnum(static_cast<unsigned char>(text[key - 1])) || text[key - 1] == '_')) {
            }
            if (key == std::string::npos || key > close) return "";
            const std::size_t q1 = text.find('"', key), q2 = q1 == std::string::npos ? q1 : text.find('"', q1 + 1);
            return q2 == std::string::npos || q2 > close ? "" : text.substr(q1 + 1, q2 - q1 - 1);
        }
        at += 6;
    }
    return "";
}

}  // namespace

LibraryEntry describe_criteria_set(const std::string& path, const std::string& text) {
    LibraryEntry set;
    set.path = path;
    set.title = tender_text(text, "title");
    set.title_ru = tender_text(text, "title_ru");
    std::istringstream in(text);
    std::string line, languages;
    while (std::getline(in, line)) {
        const std::string t = trim(line);
        if (!t.empty() && t.rfind("//", 0) != 0) break;  // the header ends at the first rule
        if (auto v = header_value(t, "product group ru"); !v.empty()) set.product_group_ru = v;
        else if (auto v = header_value(t, "product group"); !v.empty()) set.product_group = v;
        if (auto v = header_value(t, "ambition"); !v.empty()) set.ambition = lower_ascii(v);
        if (auto v = header_value(t, "languages"); !v.empty()) languages = v;
    }
    if (!languages.empty()) {
        std::istringstream list(languages);
        std::string lang;
        while (std::getline(list, lang, ',')) {
            lang = lower_ascii(trim(lang));
            if (!lang.empty()) set.languages.push_back(lang);
        }
    } else {
        set.languages.push_back("en");
        if (text.find("_ru:") != std::string::npos) set.languages.push_back("ru");
    }
    if (set.product_group.empty()) set.product_group = set.title;
    if (set.product_group.empty()) set.product_group = std::filesystem::path(path).stem().string();
    if (set.product_group_ru.empty()) set.product_group_ru = set.title_ru.empty() ? set.product_group : set.title_ru;
    return set;
}

std::vector<LibraryEntry> find_criteria_sets(const std::vector<std::string>& dirs) {
    namespace fs = std::filesystem;
    std::vector<std::string> files;
    for (const std::string& dir : dirs) {
        std::error_code ec;
        if (!fs::is_directory(dir, ec)) continue;
        for (const auto& entry : fs::directory_iterator(dir, ec)) {
            if (entry.is_regular_file(ec) && entry.path().extension() == ".crit") files.push_back(entry.path().string());
            else if (entry.is_directory(ec))
                for (const auto& inner : fs::directory_iterator(entry.path(), ec))
                    if (inner.is_regular_file(ec) && inner.path().extension() == ".crit")
                        files.push_back(inner.path().string());
        }
    }
    std::vector<LibraryEntry> sets;
    for (const std::string& f : files) {
        const InputFile text = read_input_file(f, InputKind::Rules);
        if (text.ok()) sets.push_back(describe_criteria_set(f, text.bytes));
    }
    std::sort(sets.begin(), sets.end(), [](const LibraryEntry& a, const LibraryEntry& b) {
        return a.product_group != b.product_group ? a.product_group < b.product_group : a.path < b.path;
    });
    return sets;
}

}  // namespace tl::app
