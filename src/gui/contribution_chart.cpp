#include "gui/contribution_chart.hpp"

#include <algorithm>
#include <cmath>

#include <wx/dcbuffer.h>
#include <wx/graphics.h>

#include "core/explain.hpp"
#include "gui/i18n.hpp"
#include "gui/wx_text.hpp"

namespace tl::gui {

namespace {

wxColour segment_colour(std::size_t k) {
    static const unsigned char palette[][3] = {{0x1f, 0x77, 0xb4}, {0x2c, 0xa0, 0x2c}, {0xff, 0x7f, 0x0e},
                                               {0x94, 0x67, 0xbd}, {0x17, 0xbe, 0xcf}, {0xd6, 0x27, 0x28},
                                               {0x8c, 0x56, 0x4b}, {0xe3, 0x77, 0xc2}, {0xbc, 0xbd, 0x22}};
    const auto& c = palette[k % (sizeof palette / sizeof palette[0])];
    return wxColour(c[0], c[1], c[2]);
}

wxString one_decimal(double v) { return wxString::Format("%.1f", v); }

}  // namespace

ContributionChart::ContributionChart(wxWindow* parent, std::function<void(unsigned)> picked)
    : wxPanel(parent, wxID_ANY, wxDefaultPosition, wxDefaultSize, wxFULL_REPAINT_ON_RESIZE),
      picked_(std::move(picked)) {
    SetBackgroundStyle(wxBG_STYLE_PAINT);
    SetMinSize(FromDIP(wxSize(300, 160)));
    Bind(wxEVT_PAINT, &ContributionChart::on_paint, this);
    Bind(wxEVT_LEFT_DOWN, &ContributionChart::on_click, this);
}

void ContributionChart::set(std::shared_ptr<const Evaluation> evaluation, std::size_t lot) {
    evaluation_ = std::move(evaluation);
    ranked_.clear();
    if (evaluation_ && lot < evaluation_->result.lots.size())
        for (const BidOutcome& o : evaluation_->result.lots[lot].bids)
            if (o.ranked()) ranked_.push_back(&o);
    highlighted_ = -1;
    Refresh();
}

void ContributionChart::highlight(int row) {
    highlighted_ = row;
    Refresh();
}

double ContributionChart::draw_legend(wxGraphicsContext& gc, double width) const {
    const double pad = FromDIP(8), swatch = FromDIP(10);
    double x = pad, y = pad, line_h = 0;
    for (std::size_t k = 0; k < evaluation_->rules.criteria.size(); ++k) {
        const Criterion& c = evaluation_->rules.criteria[k];
        const wxString label = criterion_label(c) + wxString::Format(" (%s %%)", one_decimal(c.weight));
        double tw = 0, th = 0;
        gc.GetTextExtent(label, &tw, &th);
        line_h = std::max(line_h, th);
        if (x > pad && x + swatch + 4 + tw > width - pad) {
            x = pad;
            y += line_h + FromDIP(4);
        }
        gc.SetBrush(wxBrush(segment_colour(k)));
        gc.SetPen(*wxTRANSPARENT_PEN);
        gc.DrawRectangle(x, y + (th - swatch) / 2, swatch, swatch);
        gc.DrawText(label, x + swatch + 4, y);
        x += swatch + 4 + tw + FromDIP(16);
    }
    return y + line_h + pad;
}

ContributionChart::Layout ContributionChart::layout(wxGraphicsContext& gc) const {
    Layout l;
    const wxSize size = GetClientSize();
    l.legend_bottom = draw_legend(gc, size.x);
    l.top = l.legend_bottom;
    const double avail = size.y - l.top - FromDIP(8);
    // Rows never get thinner than a line of text: names must not overlap. When they do not fit,
    // the chart asks its sizer for the height it needs (after this paint, not during it).
    double text_w = 0, text_h = 0;
    gc.GetTextExtent("Ag", &text_w, &text_h);
    const double min_row = text_h + FromDIP(6);
    l.row_h = ranked_.empty() ? 0 : std::max(min_row, std::min<double>(FromDIP(34), avail / static_cast<double>(ranked_.size())));
    // At most about half of the results' upper pane, so that the ranking stays in view; beyond
    // that the last rows are cut (the ranking above lists every bid anyway).
    const int needed = std::min(static_cast<int>(l.top + l.row_h * static_cast<double>(ranked_.size()) + FromDIP(8)),
                                GetParent()->GetClientSize().y / 2);
    if (needed > size.y && GetMinSize().y < needed) {
        auto* self = const_cast<ContributionChart*>(this);  // layout() is const; the size request is not
        self->CallAfter([self, needed] {
            self->SetMinSize(wxSize(-1, needed));
            self->GetParent()->Layout();
        });
    }
    l.bar_h = l.row_h * 0.7;
    for (const BidOutcome* o : ranked_) {
        double tw = 0, th = 0;
        gc.GetTextExtent(wxString::Format("%d. ", o->rank) + to_wx(o->bidder), &tw, &th);
        l.label_w = std::max(l.label_w, tw);
    }
    l.label_w = std::min<double>(l.label_w + FromDIP(12), size.x * 0.35);
    double total_w = 0, th = 0;
    gc.GetTextExtent("100.0", &total_w, &th);
    l.bar_x = l.label_w;
    l.bar_w = std::max(10.0, size.x - l.bar_x - total_w - FromDIP(16));
    double max_total = 0;
    for (const BidOutcome* o : ranked_) max_total = std::max(max_total, o->total);
    l.scale = max_total > 0 ? l.bar_w / max_total : 0;
    return l;
}

void ContributionChart::on_paint(wxPaintEvent&) {
    wxAutoBufferedPaintDC dc(this);
    dc.SetBackground(wxBrush(GetBackgroundColour()));
    dc.Clear();
    std::unique_ptr<wxGraphicsContext> gc(wxGraphicsContext::Create(dc));
    if (!gc) return;
    const wxFont font = GetFont();
    gc->SetFont(font, GetForegroundColour());
    if (!evaluation_ || ranked_.empty()) {
        gc->DrawText(_("No ranked bids to chart yet."), FromDIP(8), FromDIP(8));
        return;
    }
    const Layout l = layout(*gc);  // also draws the legend
    last_ = l;
    const wxGraphicsFont white = gc->CreateFont(font, *wxWHITE);
    for (std::size_t row = 0; row < ranked_.size(); ++row) {
        const BidOutcome& o = *ranked_[row];
        const double y = l.top + static_cast<double>(row) * l.row_h;
        if (y + l.row_h > GetClientSize().y + 1) break;  // no half-drawn rows
        const double bar_y = y + (l.row_h - l.bar_h) / 2;
        if (static_cast<int>(row) == highlighted_) {
            gc->SetBrush(wxBrush(wxColour(0xff, 0xf3, 0xc4)));
            gc->SetPen(*wxTRANSPARENT_PEN);
            gc->DrawRectangle(0, y, GetClientSize().x, l.row_h);
        }
        gc->SetFont(font, GetForegroundColour());
        double tw = 0, th = 0;
        const wxString name = wxString::Format("%d. ", o.rank) + to_wx(o.bidder);
        gc->GetTextExtent(name, &tw, &th);
        gc->Clip(0, y, l.label_w - FromDIP(6), l.row_h);
        gc->DrawText(name, FromDIP(4), y + (l.row_h - th) / 2);
        gc->ResetClip();
        double x = l.bar_x;
        for (std::size_t k = 0; k < o.contributions.size(); ++k) {
            const double v = o.contributions[k];
            if (!(v > 0)) continue;
            const double w = v * l.scale;
            gc->SetBrush(wxBrush(segment_colour(k)));
            gc->SetPen(wxPen(*wxWHITE, 1));
            gc->DrawRectangle(x, bar_y, w, l.bar_h);
            const wxString value = one_decimal(v);
            gc->SetFont(white);
            gc->GetTextExtent(value, &tw, &th);
            if (tw + 4 < w && th < l.bar_h) gc->DrawText(value, x + (w - tw) / 2, bar_y + (l.bar_h - th) / 2);
            x += w;
        }
        gc->SetFont(font, GetForegroundColour());
        const wxString total = one_decimal(o.total);
        gc->GetTextExtent(total, &tw, &th);
        gc->DrawText(total, x + FromDIP(6), y + (l.row_h - th) / 2);
    }
}

void ContributionChart::on_click(wxMouseEvent& e) {
    if (last_.row_h <= 0 || e.GetY() < last_.top) return;
    const auto row = static_cast<unsigned>((e.GetY() - last_.top) / last_.row_h);
    if (row < ranked_.size() && picked_) picked_(row);
}

}  // namespace tl::gui
