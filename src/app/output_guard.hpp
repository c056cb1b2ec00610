#pragma once
/// The one check before any command or window writes a file the user named: an output never
/// destroys an input of the same run, a project file, or a file of another kind than the one
/// written (a workbook over the rules, a CSV over a form). The CLI and the GUI call it before
/// writing; what it refuses is a Message (codes "app.output.*") naming the file and what to do.
#include <string>
#include <vector>

#include "app/tender_project.hpp"

namespace tl::app {

/// What a file holds, judged by its first bytes (the name proves nothing).
enum class FileKind {
    Missing,  ///< no such file (nothing to destroy)
    Folder,   ///< a directory
    Special,  ///< a device, a pipe or a socket (/dev/null): replacing it would break the system
    Zip,      ///< "PK\3\4": an .xlsx workbook, a bid form, any zip
    Sqlite,   ///< "SQLite format 3\0": a TenderLoop project or another database
    Text,     ///< anything else: rules, a CSV, a note
};

/// The kind of the file at `path` (links followed). A file that cannot be read counts as Text:
/// it exists, so it is not Missing, and writing over it is judged as over an unknown file.
FileKind sniff_file_kind(const std::string& path);

/// True when `path` is a SQLite file whose application id is TenderLoop's (a project).
bool is_project_file(const std::string& path);

/// One file a command is about to write.
struct OutputRequest {
    std::string path;                 ///< the output as the user named it
    FileKind writes = FileKind::Zip;  ///< what the command writes (Zip, Text or Sqlite for a project)
    /// Every file the run reads (rules and their imports, bids, forms, the project); "-" and
    /// empty names are ignored. The output is never allowed to be one of them, even forced.
    std::vector<std::string> inputs;
    /// The user asked to write over a file of another kind (or over a project) all the same.
    bool force = false;
    /// The way the front end offers to force it ("--force"), named in the refusal; empty: the
    /// front end offers none (the refusal then only says to choose another name).
    std::string force_option;
};

/// Says whether the output may be written: `ok`, or Refusal::Output with the summary naming the
/// file and what to do. Overwriting an existing file of the same kind that is not an input is
/// allowed (re-exporting a workbook over last week's); so is replacing a project with a project
/// (what `new --replace` is for).
ChangeOutcome check_output(const OutputRequest& request);

}  // namespace tl::app
