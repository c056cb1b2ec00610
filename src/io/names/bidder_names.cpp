#include "io/names/bidder_names.hpp"

#include <map>

#include "io/common/text_utils.hpp"
#include "io/names/unicode_text.hpp"

namespace tl::io {

namespace {

using unicode::code_label;
using unicode::code_points;
using unicode::utf8_of;

std::string shown(const std::string& s) { return shorten_for_message(s); }

/// A script's name as a message: the alphabets a Russian or English reader meets translated,
/// any other as ICU names it.
Message script_message(int script) {
    const std::string name = unicode::script_name(script);
    if (name == "Latin") return Message("io.names.script-latin", TL_MSG("Latin"));
    if (name == "Cyrillic") return Message("io.names.script-cyrillic", TL_MSG("Cyrillic"));
    if (name == "Greek") return Message("io.names.script-greek", TL_MSG("Greek"));
    return verbatim(name.empty() ? "?" : name);
}

/// The first character where two names of the same length differ, and how many more do;
/// nothing (an empty message) when the lengths differ (`rn` for `m`) or nothing differs.
Message difference(const std::string& name, const std::string& other) {
    const std::vector<char32_t> a = code_points(name), b = code_points(other);
    if (a.size() != b.size()) return {};
    std::size_t first = a.size(), more = 0;
    for (std::size_t i = 0; i < a.size(); ++i) {
        if (a[i] == b[i]) continue;
        if (first == a.size()) first = i;
        else ++more;
    }
    if (first == a.size()) return {};
    const char32_t x = a[first], y = b[first];
    const int sx = unicode::script_of(x), sy = unicode::script_of(y);
    Message m = sx != sy && sx >= 0 && sy >= 0
                    ? Message("io.names.differs-at", TL_MSG(": '{this}' ({this_code}, {this_script}) in place of '{that}' "
                                                            "({that_code}, {that_script}){more}"))
                          .nested("this_script", script_message(sx))
                          .nested("that_script", script_message(sy))
                    : Message("io.names.differs-at", TL_MSG(": '{this}' ({this_code}) in place of '{that}' ({that_code}){more}"));
    m.text("this", utf8_of(x)).text("this_code", code_label(x)).text("that", utf8_of(y)).text("that_code", code_label(y));
    m.nested("more", more == 0 ? Message()
                               : Message("io.names.differs-more", TL_MSG_PLURAL(" and {n} more character", " and {n} more characters"))
                                     .count("n", static_cast<long long>(more)));
    return m;
}

/// The name with each invisible character written as `<U+200B>`: quoting it as it is would hide
/// what the message is about, and a bidi control would reorder the message around it.
std::string made_visible(const std::string& name) {
    std::string out;
    for (char32_t c : code_points(name)) out += unicode::is_invisible(c) ? "<" + code_label(c) + ">" : utf8_of(c);
    return shown(out);
}

}  // namespace

std::optional<Message> refused_name(const std::string& name) {
    const std::vector<char32_t> cps = code_points(name);
    for (std::size_t i = 0; i < cps.size(); ++i) {
        if (!unicode::is_invisible(cps[i])) continue;
        return Message("io.names.invisible",
                       TL_MSG("the bidder's name '{name}' has the invisible character {code} ({char}) at position {position}; "
                              "delete it: it makes one name look like another"))
            .text("name", made_visible(name))
            .text("code", code_label(cps[i]))
            .text("char", unicode::char_name(cps[i]))
            .count("position", static_cast<long long>(i + 1));
    }
    if (!cps.empty() && unicode::is_space(cps.front()))
        return Message("io.names.leading-space",
                       TL_MSG("the bidder's name '{name}' starts with the space character {code} ({char}); delete it"))
            .text("name", shown(name))
            .text("code", code_label(cps.front()))
            .text("char", unicode::char_name(cps.front()));
    if (!cps.empty() && unicode::is_space(cps.back()))
        return Message("io.names.trailing-space",
                       TL_MSG("the bidder's name '{name}' ends with the space character {code} ({char}); delete it"))
            .text("name", shown(name))
            .text("code", code_label(cps.back()))
            .text("char", unicode::char_name(cps.back()));
    return std::nullopt;
}

std::optional<Message> mixed_script_name(const std::string& name) {
    const std::vector<char32_t> cps = code_points(name);
    for (std::size_t start = 0; start < cps.size();) {
        if (!unicode::is_word_char(cps[start])) {
            ++start;
            continue;
        }
        std::size_t end = start;
        while (end < cps.size() && unicode::is_word_char(cps[end])) ++end;
        // The word's main script is the one most of its letters have; the odd letter is the first
        // of another script.
        std::map<int, int> count;
        for (std::size_t i = start; i < end; ++i)
            if (int s = unicode::word_script_of(cps[i]); s >= 0) ++count[s];
        if (count.size() > 1) {
            int main = count.begin()->first;
            for (const auto& [s, n] : count)
                if (n > count[main]) main = s;
            std::size_t odd = start;
            while (unicode::word_script_of(cps[odd]) < 0 || unicode::word_script_of(cps[odd]) == main) ++odd;
            std::string word;
            for (std::size_t i = start; i < end; ++i) word += utf8_of(cps[i]);
            return Message("io.names.mixed-script",
                           TL_MSG("the word '{word}' of the bidder's name mixes alphabets: '{char}' ({code}) is {script}, "
                                  "the other letters are {main_script}; a name that imitates another often looks like this"))
                .text("word", shown(word))
                .text("char", utf8_of(cps[odd]))
                .text("code", code_label(cps[odd]))
                .nested("script", script_message(unicode::script_of(cps[odd])))
                .nested("main_script", script_message(main));  // Han for a Japanese or Korean word
        }
        start = end;
    }
    return std::nullopt;
}

std::vector<NameFinding> find_lookalike_names(const std::vector<NameSighting>& names, bool across_groups_only) {
    std::vector<NameFinding> out;
    // Earlier sightings by key; each name is compared with the earlier ones of the same key only.
    // Two skeletons: of the name as written (TR 39 matches `0` with `O` but not with `o`) and of
    // its folded form (so that `АCME` with a Cyrillic А matches `acme`).
    std::map<std::string, std::vector<std::size_t>> by_folded, by_skeleton;
    for (std::size_t j = 0; j < names.size(); ++j) {
        const std::string key = unicode::folded(names[j].name);
        const std::string skel = "=" + unicode::skeleton(names[j].name), folded_skel = "~" + unicode::skeleton(key);
        auto partner = [&](const std::vector<std::size_t>& earlier) -> std::optional<std::size_t> {
            for (std::size_t i : earlier)
                if (names[i].name != names[j].name && !(across_groups_only && names[i].group == names[j].group)) return i;
            return std::nullopt;
        };
        auto& same_folded = by_folded[key];
        auto& same_skeleton = by_skeleton[skel];
        auto& same_folded_skeleton = by_skeleton[folded_skel];
        std::optional<std::size_t> look_alike = partner(same_skeleton);
        if (auto f = partner(same_folded_skeleton); f && (!look_alike || *f < *look_alike)) look_alike = f;
        if (auto i = partner(same_folded)) {
            out.push_back({j, *i,
                           Message("io.names.same-but-case",
                                   TL_MSG("'{name}' differs from '{other}' ({other_where}) only in letter case, spacing or "
                                          "character width{detail}; if they are one bidder, write the name the same way"))
                               .text("name", shown(names[j].name))
                               .text("other", shown(names[*i].name))
                               .nested("other_where", names[*i].where)
                               .nested("detail", difference(names[j].name, names[*i].name))});
        } else if (auto k = look_alike) {
            out.push_back({j, *k,
                           Message("io.names.confusable",
                                   TL_MSG("'{name}' looks like '{other}' ({other_where}){detail}; check that they are "
                                          "different bidders"))
                               .text("name", shown(names[j].name))
                               .text("other", shown(names[*k].name))
                               .nested("other_where", names[*k].where)
                               .nested("detail", difference(names[j].name, names[*k].name))});
        }
        same_folded.push_back(j);
        same_skeleton.push_back(j);
        same_folded_skeleton.push_back(j);
    }
    return out;
}

}  // namespace tl::io
