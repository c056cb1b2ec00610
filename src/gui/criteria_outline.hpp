#pragma once
/// The outline beside the criteria editor: one row per criterion (inside its group) with its
/// name, its weight as text and a bar as long as the weight, and the sum of the weights at the
/// bottom, red when percent weights do not make 100 %. Built from the syntax tree of the last
/// check, so it still shows the weights when their sum is the error being fixed. Clicking a row
/// jumps to the criterion in the editor.
#include <functional>
#include <string>
#include <vector>

#include <wx/panel.h>

#include "core/diagnostic.hpp"

class wxStaticText;

namespace tl::lang {
struct LoadResult;
}

namespace tl::gui {

/// One row of the outline, without wx (what the syntax tree says).
struct OutlineRow {
    enum class Kind { Group, Criterion };
    Kind kind = Kind::Criterion;
    std::string id, name, name_ru;
    bool has_weight = false;  ///< a literal `N %` or `N points` (a group: any of its criteria has one)
    bool points = false;      ///< the weight is in points
    double weight = 0;        ///< a group: the sum of its criteria's weights
    int colour = -1;          ///< criterion: its index in source order (the chart's colour); group: -1
    int indent = 0;           ///< 1 inside a group
    SourcePos pos;            ///< where to jump; unknown for rows from imported files
};

/// The whole outline: rows and the sum of the criteria's weights.
struct OutlineModel {
    std::vector<OutlineRow> rows;
    double sum = 0;
    int criteria = 0;
    bool points = false;          ///< the weights are points (then any sum is right)
    bool mixed = false;           ///< percents and points mixed (an error)
    bool missing = false;         ///< a criterion without a usable weight (an error)
    /// True when the sum is not what the language requires (100 % for percent weights).
    bool sum_is_wrong() const;
};

/// Reads the criteria of the main file (files[0]) and of the files it imports, in the order the
/// checker sees them. Only rows of the main file get a position to jump to.
OutlineModel build_outline(const lang::LoadResult& loaded);

class CriteriaOutline : public wxPanel {
public:
    /// `jump(line, col)` moves the editor to a criterion (1-based, as diagnostics count).
    CriteriaOutline(wxWindow* parent, std::function<void(int, int)> jump);

    /// Shows the criteria of the last check. A text with a syntax error has no tree: the last
    /// outline stays, marked as not up to date.
    void update(const lang::LoadResult& loaded);

    const OutlineModel& model() const { return model_; }
    /// The sum shown at the bottom, and whether it is shown as wrong (in red).
    double shown_sum() const { return model_.sum; }
    bool sum_is_wrong() const { return model_.sum_is_wrong(); }
    /// The footer's text, as shown.
    wxString sum_text() const;
    /// True when the footer is painted in the error colour.
    bool sum_shown_in_red() const;
    /// True while the outline is from an earlier text (the current one does not parse).
    bool stale() const { return stale_; }
    /// Acts as a click on row `row` (for the self-test and the keyboard). False when it has no place.
    bool activate(std::size_t row);

private:
    class Canvas;
    void show_footer();

    OutlineModel model_;
    bool stale_ = false;
    std::function<void(int, int)> jump_;
    Canvas* canvas_ = nullptr;
    wxStaticText* sum_ = nullptr;
    wxStaticText* note_ = nullptr;
};

/// The weight as the outline shows it: `50 %`, `40 points` (numbers in the UI's format).
wxString weight_text(double weight, bool points);

}  // namespace tl::gui
