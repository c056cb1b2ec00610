#pragma once
/// The stacked bar chart of the ranking: one horizontal bar per ranked bidder (rank order), one
/// segment per criterion's weighted contribution, the values written on the segments and the
/// total after each bar, a legend on top. Drawn with wxGraphicsContext (anti-aliased).
#include <functional>
#include <memory>

#include <wx/panel.h>

#include "gui/tender_session.hpp"

class wxGraphicsContext;

namespace tl::gui {

class ContributionChart : public wxPanel {
public:
    /// `picked(row)` is called when the user clicks the bar of the row-th ranked bidder.
    ContributionChart(wxWindow* parent, std::function<void(unsigned)> picked);

    void set(std::shared_ptr<const Evaluation> evaluation, std::size_t lot);
    /// Highlights the bar of `row` (or none with -1).
    void highlight(int row);

private:
    struct Layout {
        double legend_bottom = 0, top = 0, row_h = 0, bar_h = 0, label_w = 0, bar_x = 0, bar_w = 0, scale = 0;
    };
    Layout layout(wxGraphicsContext& gc) const;
    double draw_legend(wxGraphicsContext& gc, double width) const;
    void on_paint(wxPaintEvent& e);
    void on_click(wxMouseEvent& e);

    std::shared_ptr<const Evaluation> evaluation_;
    std::vector<const BidOutcome*> ranked_;
    std::function<void(unsigned)> picked_;
    int highlighted_ = -1;
    mutable Layout last_;
};

}  // namespace tl::gui
