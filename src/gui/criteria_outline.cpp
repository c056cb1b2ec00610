#include "gui/criteria_outline.hpp"

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <memory>
#include <set>

#include <wx/control.h>
#include <wx/dcbuffer.h>
#include <wx/graphics.h>
#include <wx/intl.h>
#include <wx/numformatter.h>
#include <wx/scrolwin.h>
#include <wx/settings.h>
#include <wx/sizer.h>
#include <wx/stattext.h>

#include "gui/i18n.hpp"
#include "gui/wx_text.hpp"
#include "lang/load.hpp"

namespace tl::gui {

namespace {

// The results chart's palette, in the same order (criteria in source order), so a criterion has
// one colour in both views.
wxColour criterion_colour(int k) {
    static const unsigned char palette[][3] = {{0x1f, 0x77, 0xb4}, {0x2c, 0xa0, 0x2c}, {0xff, 0x7f, 0x0e},
                                               {0x94, 0x67, 0xbd}, {0x17, 0xbe, 0xcf}, {0xd6, 0x27, 0x28},
                                               {0x8c, 0x56, 0x4b}, {0xe3, 0x77, 0xc2}, {0xbc, 0xbd, 0x22}};
    const auto& c = palette[static_cast<std::size_t>(std::max(k, 0)) % (sizeof palette / sizeof palette[0])];
    return wxColour(c[0], c[1], c[2]);
}

const wxColour kWrong(200, 0, 0);

/// Walks the syntax trees as the loader splices them: an import stands where it is written.
struct Builder {
    const lang::LoadResult& loaded;
    OutlineModel model;
    std::set<std::string> seen;  // a file imported twice counts once, and cycles end
    bool percent = false;

    void file(const lang::RuleFile& f, bool main) {
        if (!seen.insert(f.path).second) return;
        for (const lang::Item& it : f.items) {
            if (it.keyword == "import") {
                // The loader names an imported file exactly so (load.cpp).
                const std::string target = (std::filesystem::path(f.path).parent_path() / it.id).string();
                for (const lang::RuleFile& g : loaded.files)
                    if (g.path == target) file(g, false);
            } else if (it.keyword == "criterion") {
                criterion(it, 0, main);
            } else if (it.keyword == "group") {
                group(it, main);
            }
        }
    }

    static OutlineRow named(const lang::Item& it, OutlineRow::Kind kind, bool main) {
        OutlineRow row;
        row.kind = kind;
        row.id = it.id;
        if (const lang::Property* p = it.find("name")) row.name = p->text;
        if (const lang::Property* p = it.find("name_ru")) row.name_ru = p->text;
        if (main) row.pos = it.pos;
        return row;
    }

    void group(const lang::Item& it, bool main) {
        const std::size_t header = model.rows.size();
        model.rows.push_back(named(it, OutlineRow::Kind::Group, main));
        double subtotal = 0;
        bool any = false, points = false;
        for (const lang::Property& p : it.props)
            for (const lang::Item& inner : p.item) {
                if (inner.keyword != "criterion") continue;
                criterion(inner, 1, main);
                const OutlineRow& added = model.rows.back();
                if (!added.has_weight) continue;
                subtotal += added.weight;
                any = true;
                points = added.points;
            }
        OutlineRow& row = model.rows[header];
        row.weight = subtotal;
        row.has_weight = any;
        row.points = points;
    }

    void criterion(const lang::Item& it, int indent, bool main) {
        OutlineRow row = named(it, OutlineRow::Kind::Criterion, main);
        row.indent = indent;
        row.colour = model.criteria++;
        // Only a literal weight counts, as for the checker (check.cpp reads `weight:` so too).
        const lang::Property* w = it.find("weight");
        if (w && w->kind == lang::PropertyKind::Expr && w->value.kind == ExprKind::Number &&
            (w->value.unit_text == "%" || w->value.unit_text == "points")) {
            row.has_weight = true;
            row.points = w->value.unit_text == "points";
            row.weight = w->value.number;
            model.sum += row.weight;
            (row.points ? model.points : percent) = true;
        } else {
            model.missing = true;
        }
        model.rows.push_back(std::move(row));
    }
};

}  // namespace

bool OutlineModel::sum_is_wrong() const {
    if (criteria == 0) return false;
    return mixed || missing || (!points && std::fabs(sum - 100) > 1e-9);
}

OutlineModel build_outline(const lang::LoadResult& loaded) {
    Builder b{loaded, {}, {}, false};
    if (!loaded.files.empty()) b.file(loaded.files.front(), true);
    b.model.mixed = b.percent && b.model.points;
    if (b.model.mixed) b.model.points = false;
    return std::move(b.model);
}

wxString weight_text(double weight, bool points) {
    const wxString number = wxNumberFormatter::ToString(weight, 2, wxNumberFormatter::Style_NoTrailingZeroes);
    if (!points) return number + wxString::FromUTF8("\xC2\xA0%");  // no-break space: "50 %" stays on one line
    // A fraction takes the plural form of 2 ("2,5 балла", "2.5 points").
    const bool whole = std::floor(weight) == weight && weight >= 0 && weight < 1e9;
    const unsigned long n = whole ? static_cast<unsigned long>(weight) : 2;
    return wxString::Format(wxPLURAL("%s point", "%s points", n), number);
}

/// The rows, painted: scrolls when there are more criteria than fit.
class CriteriaOutline::Canvas : public wxScrolledCanvas {
public:
    explicit Canvas(CriteriaOutline& owner) : wxScrolledCanvas(&owner, wxID_ANY), owner_(owner) {
        SetBackgroundStyle(wxBG_STYLE_PAINT);
        SetScrollRate(0, FromDIP(8));
        Bind(wxEVT_PAINT, &Canvas::on_paint, this);
        Bind(wxEVT_MOTION, &Canvas::on_motion, this);
        Bind(wxEVT_LEAVE_WINDOW, [this](wxMouseEvent&) { hover(-1); });
        Bind(wxEVT_LEFT_DOWN, &Canvas::on_click, this);
        Bind(wxEVT_SIZE, [this](wxSizeEvent& e) {
            Refresh();
            e.Skip();
        });
    }

    /// Recomputes the rows' places after the model changed.
    void relayout() {
        tops_.clear();
        int y = pad();
        for (const OutlineRow& row : owner_.model_.rows) {
            if (row.kind == OutlineRow::Kind::Group && y > pad()) y += pad();  // a little air before a group
            tops_.push_back(y);
            y += height_of(row);
        }
        tops_.push_back(y);
        SetVirtualSize(-1, y + pad());
        hovered_ = -1;
        Refresh();
    }

private:
    int pad() const { return FromDIP(4); }
    int bar_height() const { return FromDIP(6); }
    int height_of(const OutlineRow& row) const {
        const int text = GetCharHeight();
        return row.kind == OutlineRow::Kind::Group ? pad() + text + pad() / 2
                                                   : pad() + text + FromDIP(3) + bar_height() + pad();
    }

    int row_at(const wxPoint& client) const {
        const int y = CalcUnscrolledPosition(client).y;
        for (std::size_t k = 0; k + 1 < tops_.size(); ++k)
            if (y >= tops_[k] && y < tops_[k + 1]) return static_cast<int>(k);
        return -1;
    }

    static wxString label_of(const OutlineRow& row) {
        if (ui_is_russian() && !row.name_ru.empty()) return to_wx(row.name_ru);
        return to_wx(row.name.empty() ? row.id : row.name);
    }

    void hover(int row) {
        if (row == hovered_) return;
        hovered_ = row;
        const auto& rows = owner_.model_.rows;
        const bool jumpable = row >= 0 && rows[static_cast<std::size_t>(row)].pos.known();
        SetCursor(jumpable ? wxCursor(wxCURSOR_HAND) : wxNullCursor);
        if (row >= 0) {
            const OutlineRow& r = rows[static_cast<std::size_t>(row)];
            wxString tip = label_of(r) + " (" + to_wx(r.id) + ")";
            if (r.has_weight) tip += wxString::FromUTF8(" \xE2\x80\x94 ") + weight_text(r.weight, r.points);
            SetToolTip(tip);
        } else {
            UnsetToolTip();
        }
        Refresh();
    }

    void on_motion(wxMouseEvent& e) { hover(row_at(e.GetPosition())); }

    void on_click(wxMouseEvent& e) {
        const int row = row_at(e.GetPosition());
        if (row >= 0) owner_.activate(static_cast<std::size_t>(row));
    }

    void on_paint(wxPaintEvent&) {
        wxAutoBufferedPaintDC dc(this);
        const wxColour bg = wxSystemSettings::GetColour(wxSYS_COLOUR_WINDOW);
        const wxColour fg = wxSystemSettings::GetColour(wxSYS_COLOUR_WINDOWTEXT);
        const wxColour grey = wxSystemSettings::GetColour(wxSYS_COLOUR_GRAYTEXT);
        dc.SetBackground(wxBrush(bg));
        dc.Clear();
        std::unique_ptr<wxGraphicsContext> gc(wxGraphicsContext::Create(dc));
        if (!gc) return;
        const int scroll_y = CalcScrolledPosition(wxPoint(0, 0)).y;  // <= 0
        gc->Translate(0, scroll_y);
        const int view_top = -scroll_y, view_bottom = view_top + GetClientSize().y;
        const wxFont normal = GetFont();
        const wxFont bold = normal.Bold();
        const int width = GetClientSize().x;
        const auto& rows = owner_.model_.rows;
        if (owner_.stale_) gc->BeginLayer(0.55);  // an outline of an earlier text looks faded
        for (std::size_t k = 0; k < rows.size() && k + 1 < tops_.size(); ++k) {
            const OutlineRow& row = rows[k];
            const int top = tops_[k];
            if (tops_[k + 1] < view_top || top > view_bottom) continue;  // a long list paints what shows
            if (static_cast<int>(k) == hovered_ && row.pos.known()) {
                gc->SetPen(*wxTRANSPARENT_PEN);
                gc->SetBrush(wxBrush(wxSystemSettings::GetColour(wxSYS_COLOUR_HIGHLIGHT).ChangeLightness(185)));
                gc->DrawRectangle(0, top, width, tops_[k + 1] - top);
            }
            const bool group = row.kind == OutlineRow::Kind::Group;
            const double x0 = pad() * 2 + row.indent * FromDIP(12);
            const double x1 = width - pad() * 2;
            // Weight on the right, then the name in what is left (cut with "..." when too long).
            wxString weight = row.has_weight ? weight_text(row.weight, row.points) : wxString();
            if (!group && !row.has_weight) weight = _("no weight");
            dc.SetFont(group ? bold : normal);
            gc->SetFont(group ? bold : normal, !group && !row.has_weight ? kWrong : (group ? grey : fg));
            double ww = 0, wh = 0;
            gc->GetTextExtent(weight, &ww, &wh);
            gc->DrawText(weight, x1 - ww, top + pad());
            const double room = std::max(0.0, x1 - ww - FromDIP(8) - x0);
            const wxString label = wxControl::Ellipsize(label_of(row), dc, wxELLIPSIZE_END, static_cast<int>(room));
            gc->SetFont(group ? bold : normal, fg);
            gc->DrawText(label, x0, top + pad());
            if (group) continue;
            // The bar: its length is the weight's share of 100 % (of the total, for points).
            const double track_y = top + pad() + GetCharHeight() + FromDIP(3);
            const double track_w = std::max(0.0, x1 - x0), radius = bar_height() / 2.0;
            gc->SetPen(*wxTRANSPARENT_PEN);
            gc->SetBrush(wxBrush(grey.ChangeLightness(170)));
            gc->DrawRoundedRectangle(x0, track_y, track_w, bar_height(), radius);
            const double whole = owner_.model_.points ? owner_.model_.sum : 100.0;
            const double share = row.has_weight && whole > 0 ? std::clamp(row.weight / whole, 0.0, 1.0) : 0.0;
            if (share > 0) {
                gc->SetBrush(wxBrush(criterion_colour(row.colour)));
                gc->DrawRoundedRectangle(x0, track_y, std::max(track_w * share, 2 * radius), bar_height(), radius);
            }
        }
        if (owner_.stale_) gc->EndLayer();
    }

    CriteriaOutline& owner_;
    std::vector<int> tops_;  // top of each row, then the bottom of the last
    int hovered_ = -1;
};

CriteriaOutline::CriteriaOutline(wxWindow* parent, std::function<void(int, int)> jump)
    : wxPanel(parent), jump_(std::move(jump)) {
    auto* title = new wxStaticText(this, wxID_ANY, _("Criteria and weights"));
    title->SetFont(title->GetFont().Bold());
    canvas_ = new Canvas(*this);
    note_ = new wxStaticText(this, wxID_ANY, _("Not up to date: the rules do not parse."));
    note_->SetForegroundColour(wxSystemSettings::GetColour(wxSYS_COLOUR_GRAYTEXT));
    note_->Hide();
    sum_ = new wxStaticText(this, wxID_ANY, wxString());
    sum_->SetFont(sum_->GetFont().Bold());

    auto* sizer = new wxBoxSizer(wxVERTICAL);
    sizer->Add(title, 0, wxLEFT | wxTOP | wxBOTTOM, FromDIP(4));
    sizer->Add(canvas_, 1, wxEXPAND);
    sizer->Add(note_, 0, wxLEFT | wxRIGHT | wxTOP, FromDIP(4));
    sizer->Add(sum_, 0, wxALL, FromDIP(4));
    SetSizer(sizer);
    SetMinSize(FromDIP(wxSize(150, 120)));
    // Long footer texts wrap to the column's width instead of being cut off.
    Bind(wxEVT_SIZE, [this](wxSizeEvent& e) {
        e.Skip();
        CallAfter([this] { show_footer(); });
    });
    show_footer();
}

void CriteriaOutline::update(const lang::LoadResult& loaded) {
    // A syntax error leaves no items: keep what the last parsed text said, marked as old.
    const bool parsed = !loaded.files.empty() && (!loaded.files.front().items.empty() || loaded.ok());
    stale_ = !parsed;
    if (parsed) model_ = build_outline(loaded);
    canvas_->relayout();
    show_footer();
}

wxString CriteriaOutline::sum_text() const { return sum_->GetLabel(); }

bool CriteriaOutline::sum_shown_in_red() const { return sum_->GetForegroundColour() == kWrong; }

void CriteriaOutline::show_footer() {
    wxString text;
    if (model_.criteria == 0) {
        text = _("No criteria yet.");
    } else {
        text = wxString::Format(_("Sum of weights: %s"), weight_text(model_.sum, model_.points));
        if (model_.mixed) text += "\n" + _("All weights must be percents or all points.");
        else if (model_.missing) text += "\n" + _("A criterion has no weight.");
        else if (model_.sum_is_wrong()) text += "\n" + _("Percent weights must sum to 100 %.");
    }
    sum_->SetForegroundColour(model_.sum_is_wrong() ? kWrong : wxSystemSettings::GetColour(wxSYS_COLOUR_WINDOWTEXT));
    sum_->SetLabel(text);
    const int width = GetClientSize().x - FromDIP(8);
    if (width > 0) sum_->Wrap(width);
    note_->Show(stale_);
    if (stale_ && width > 0) {
        note_->SetLabel(_("Not up to date: the rules do not parse."));
        note_->Wrap(width);
    }
    Layout();
}

bool CriteriaOutline::activate(std::size_t row) {
    if (row >= model_.rows.size() || !model_.rows[row].pos.known() || !jump_) return false;
    jump_(model_.rows[row].pos.line, model_.rows[row].pos.col);
    return true;
}

}  // namespace tl::gui
