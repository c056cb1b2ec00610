#pragma once
/// File > New project: a short wizard. Page 1: start from an empty criteria text or a criteria
/// set of the library (filtered by product group, ambition level and language). Page 2: the
/// project's title and where its `.tender` file goes. The frame creates the project.
#include <string>
#include <vector>

#include <wx/string.h>

#include "app/criteria_library.hpp"

class wxWindow;

namespace tl::gui {

struct NewProjectChoice {
    std::string rules_text;    ///< the criteria the project starts with
    std::string source_name;   ///< the file they came from (the audit log records it)
    wxString title, path;      ///< the project's title and its `.tender` file
};

/// The folders searched for criteria sets: the criteria library and the samples where the
/// program's data was found (app::program_data_paths: installed, or the source tree's when
/// running from a build folder); none when it was not found.
std::vector<std::string> criteria_library_dirs();

/// Runs the wizard; false when the user cancelled.
bool run_new_project_wizard(wxWindow* parent, NewProjectChoice& choice);

}  // namespace tl::gui
