#pragma once
/// Where TenderLoop's data is: the criteria library, the samples, the template of new rules, the
/// translations, the language reference and the icon. Found from the running program's own
/// location, so that an installed copy works under any prefix (/usr, /opt/..., a moved or
/// unpacked tree) and no path of the build machine is compiled into a binary. Tried in order:
///
///  1. `TENDERLOOP_DATA_DIR` when set: the folder laid out as `<prefix>/share/tenderloop` (its
///     siblings `../locale` and `../doc/tenderloop` are the translations and the reference). Set
///     but wrong is an error, not a fall-back: an override that is quietly ignored hides mistakes.
///  2. Installed: the program is `<prefix>/bin/X` and the data `<prefix>/share/tenderloop`
///     (`rules/`, `samples/`, `templates/`), `<prefix>/share/locale`, `<prefix>/share/doc/tenderloop`.
///  3. Build tree: a marker file `tenderloop-build-tree.txt` in the program's folder or up to
///     three folders above it (CMake writes it to the top of the build folder). It names the
///     source folder (`source_dir=`, whose `rules/`, `samples/`, `templates/`, `docs/` are used)
///     and the built translations (`locale_dir=`); relative paths are relative to the marker.
///
/// A layout counts as found when its `templates/new-rules.crit` is there; the other pieces may be
/// missing (a CLI-only build has no translations) and `missing()` names them.
/// No wx, no printing: the CLI and the GUI word the outcome.
#include <string>
#include <vector>

namespace tl::app {

/// The name of the build-tree marker file (see above).
inline constexpr const char* kBuildTreeMarker = "tenderloop-build-tree.txt";

/// The environment variable that overrides the lookup (see above).
inline constexpr const char* kDataDirVariable = "TENDERLOOP_DATA_DIR";

/// Where each piece of the data is, and how it was found.
struct DataPaths {
    std::string layout;         ///< "installed", "build tree" or "TENDERLOOP_DATA_DIR"; "" when not found
    std::string data_dir;       ///< the folder holding rules/, samples/, templates/ (share/tenderloop or the source folder)
    std::string rules_dir;      ///< the criteria library (*.crit)
    std::string samples_dir;    ///< the sample tenders (samples/NAME/rules.crit, bids.csv)
    std::string templates_dir;  ///< new-rules.crit
    std::string locale_dir;     ///< gettext catalogs: LANG/LC_MESSAGES/DOMAIN.mo
    std::string doc_dir;        ///< LANGUAGE.md
    std::string icon_file;      ///< tenderloop.svg
    std::vector<std::string> looked_in;  ///< every place tried before the one used, with why it did not do
    std::string error;          ///< why nothing was found, naming every place tried; "" when found

    bool found() const { return error.empty(); }
    /// The rules an empty project starts from.
    std::string new_rules_template() const { return templates_dir + "/new-rules.crit"; }
    /// The rule language reference (docs/LANGUAGE.md in the sources).
    std::string language_reference() const { return doc_dir + "/LANGUAGE.md"; }
    /// The folders New project lists criteria sets from (app::find_criteria_sets).
    std::vector<std::string> criteria_library_dirs() const { return {rules_dir, samples_dir}; }
    /// The pieces of a found layout that are not on disk, e.g. "translations: /opt/x/share/locale".
    std::vector<std::string> missing() const;
};

/// Finds the data for the program at `executable` (an absolute path; see current_executable()).
/// `data_dir_override` is the value of TENDERLOOP_DATA_DIR ("" when unset). Reads the file
/// system only; never throws.
DataPaths find_data_paths(const std::string& executable, const std::string& data_dir_override);

/// The running program's absolute path: /proc/self/exe (symbolic links resolved), else `argv0`
/// resolved against the current folder or PATH; "" when neither works.
std::string current_executable(const char* argv0 = nullptr);

/// The running program's data: find_data_paths(current_executable(), $TENDERLOOP_DATA_DIR),
/// looked up once and kept.
const DataPaths& program_data_paths();

/// One line for `--version` and error messages: "DIR (installed)" or "not found: ...".
std::string data_summary(const DataPaths& paths);

}  // namespace tl::app
