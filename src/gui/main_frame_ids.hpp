#pragma once
/// Menu command ids of the main window (shared by its three source files).
#include <wx/defs.h>

namespace tl::gui {

enum MainFrameId {
    kIdOpenBids = wxID_HIGHEST + 1,
    kIdImportBids,
    kIdSaveAsProject,
    kIdExport,
    kIdExportBidForm,
    kIdViewCriteria,
    kIdViewBids,
    kIdViewCommittee,
    kIdViewResults,
    kIdLanguageReference,
    kIdRecentFirst,  ///< nine ids from here: File > Open recent
};

}  // namespace tl::gui
