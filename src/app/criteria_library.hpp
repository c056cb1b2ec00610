#pragma once
/// The criteria sets a new project can start from: rule files in the folders of the criteria
/// library (`rules/`, installed to share/tenderloop/rules) and of the samples, each described by
/// what the New Project wizard filters on. A file may say so in its first comment lines:
///     // product group: Tyres
///     // product group ru: Шины
///     // ambition: core            (or: comprehensive)
///     // languages: en, ru
/// Without them the product group is the tender's title, the ambition is left open and the
/// languages are English plus Russian when the file has `*_ru` texts.
#include <string>
#include <vector>

namespace tl::app {

/// One criteria set of the library.
struct LibraryEntry {
    std::string path;           ///< the rule file
    std::string title, title_ru;  ///< the tender's titles as the file declares them ("" when unknown)
    std::string product_group;    ///< from the header comment, else the title, else the file name
    std::string product_group_ru; ///< from the header comment, else title_ru, else product_group
    std::string ambition;       ///< "core", "comprehensive" or "" (not stated)
    std::vector<std::string> languages;  ///< e.g. {"en", "ru"}
};

/// Every `*.crit` directly in `dir` and in its sub-folders one level down (`samples/X/rules.crit`),
/// sorted by product group then path. Folders that do not exist give nothing. Files that cannot
/// be read are skipped: the wizard lists what can be used.
std::vector<LibraryEntry> find_criteria_sets(const std::vector<std::string>& dirs);

/// The description of one rule text (`path` only names it).
LibraryEntry describe_criteria_set(const std::string& path, const std::string& text);

}  // namespace tl::app
