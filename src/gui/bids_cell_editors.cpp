#include "gui/bids_cell_editors.hpp"

#include <algorithm>

#include <wx/combobox.h>
#include <wx/settings.h>
#include <wx/stattext.h>
#include <wx/textctrl.h>

#include "gui/i18n.hpp"
#include "gui/wx_text.hpp"
#include "io/cells/cell_parsing.hpp"

namespace tl::gui {

namespace {

constexpr std::size_t kHeaderLineChars = 18;
constexpr std::size_t kHeaderNameLines = 3;

/// Breaks `text` at spaces into lines of about `width` characters, at most `lines` of them (the
/// last one ends with an ellipsis when the text is longer): long field names would otherwise make
/// columns as wide as the whole page.
wxString wrap(const wxString& text, std::size_t width, std::size_t lines) {
    wxArrayString out;
    wxString line;
    for (const wxString& word : wxSplit(text, ' ', '\0')) {
        if (!line.empty() && line.length() + 1 + word.length() > width) {
            out.Add(line);
            line.clear();
        }
        line += (line.empty() ? "" : " ") + word;
    }
    if (!line.empty()) out.Add(line);
    if (out.size() > lines) {
        out.resize(lines);
        out.Last() += wxString::FromUTF8("\xE2\x80\xA6");
    }
    return wxJoin(out, '\n', '\0');
}

wxString range_hint(const FieldDecl& f) {
    auto shown = [&](double v) { return to_wx(format_field_value(f, v)); };
    if (f.range_lo && f.range_hi) return wxString::Format(_("from %s to %s"), shown(*f.range_lo), shown(*f.range_hi));
    if (f.range_lo) return wxString::Format(_("at least %s"), shown(*f.range_lo));
    if (f.range_hi) return wxString::Format(_("at most %s"), shown(*f.range_hi));
    return wxString();
}

wxString kind_hint(const FieldDecl& f) {
    switch (f.type) {
        case FieldType::Money: return wxString::Format(_("an amount in %s"), bid_field_unit(f));
        case FieldType::Percent: return _("a percentage (40 or 40 %)");
        case FieldType::Number: return _("a number");
        case FieldType::Quantity: return wxString::Format(_("a number in %s"), bid_field_unit(f));
        case FieldType::YesNo: return _("yes or no");
        case FieldType::Enum: {
            wxString members;
            for (const std::string& m : f.members) members += (members.empty() ? "" : ", ") + to_wx(m);
            return wxString::Format(_("one of %s"), members);
        }
        case FieldType::Text: return _("free text");
        case FieldType::Date: return _("a date (YYYY-MM-DD)");
    }
    return wxString();
}

wxGridCellChoiceEditor* choice_editor(const std::vector<std::string>& items, bool with_empty) {
    wxArrayString choices;
    if (with_empty) choices.Add(wxString());
    for (const std::string& i : items) choices.Add(to_wx(i));
    return new wxGridCellChoiceEditor(choices, false);
}

/// An optional yes/no answer as a list (blank, yes, no in the UI language). The stored answer may
/// be spelt any way the bids reader accepts ("yes", "да", "y", "1"...): it is shown as the item it
/// means, not as the blank a plain choice editor falls back to (which would erase it on commit).
class YesNoChoiceEditor : public wxGridCellChoiceEditor {
public:
    YesNoChoiceEditor() : wxGridCellChoiceEditor(choices(), false) {}
    wxGridCellEditor* Clone() const override { return new YesNoChoiceEditor; }
    void BeginEdit(int row, int col, wxGrid* grid) override {
        wxGridCellChoiceEditor::BeginEdit(row, col, grid);
        const std::string stored = from_wx(grid->GetTable()->GetValue(row, col).Strip(wxString::both));
        stored_.reset();
        if (stored.empty()) return;
        stored_ = io::parse_yes_no(stored);
        if (stored_) Combo()->SetSelection(*stored_ != 0 ? 1 : 2);
    }
    bool EndEdit(int row, int col, const wxGrid* grid, const wxString& old, wxString* value) override {
        // The same answer in another spelling ("yes" stored, "да" shown) is no change to record.
        const int chosen = Combo()->GetSelection();
        if (stored_ && chosen > 0 && (chosen == 1) == (*stored_ != 0)) return false;
        return wxGridCellChoiceEditor::EndEdit(row, col, grid, old, value);
    }

private:
    std::optional<double> stored_;
    static wxArrayString choices() {
        wxArrayString c;
        c.Add(wxString());
        c.Add(_("yes"));
        c.Add(_("no"));
        return c;
    }
};

}  // namespace

bool BidColumn::required() const {
    switch (kind) {
        case BidColumnKind::Bidder:
        case BidColumnKind::Lot: return true;
        case BidColumnKind::Field: return !field.optional;
        default: return false;
    }
}

wxString bid_field_label(const FieldDecl& f) {
    if (ui_is_russian() && !f.name_ru.empty()) return to_wx(f.name_ru);
    return to_wx(f.display_name());
}

wxString bid_field_unit(const FieldDecl& f) {
    if (f.type == FieldType::Percent) return "%";
    if (f.type == FieldType::Money || f.type == FieldType::Quantity || f.type == FieldType::Number)
        return to_wx(f.unit.to_string());
    return wxString();
}

wxString bid_column_header(const BidColumn& c) {
    switch (c.kind) {
        case BidColumnKind::Bidder: return _("Bidder");
        case BidColumnKind::Lot: return _("Lot");
        case BidColumnKind::Submitted: return _("Submitted");
        case BidColumnKind::Source: return _("Source");
        case BidColumnKind::Field: break;
    }
    wxString header = wrap(bid_field_label(c.field), kHeaderLineChars, kHeaderNameLines);
    const wxString unit = bid_field_unit(c.field);
    if (!unit.empty()) header += "\n(" + unit + ")";
    return header;
}

wxString bid_column_hint(const BidColumn& c) {
    switch (c.kind) {
        case BidColumnKind::Bidder: return _("Bidder: the bidder's name, required.");
        case BidColumnKind::Lot: return _("Lot: one of the tender's lots, required.");
        case BidColumnKind::Submitted:
            return _("Submitted: when the bid arrived, YYYY-MM-DD HH:MM (earlier submission breaks ties).");
        case BidColumnKind::Source:
            return _("Source: the file the bid was imported from, or who entered it, and when.");
        case BidColumnKind::Field: break;
    }
    const FieldDecl& f = c.field;
    wxString hint = bid_field_label(f) + ": " + kind_hint(f) + ", " + (f.optional ? _("optional") : _("required"));
    if (const wxString range = range_hint(f); !range.empty()) hint += "; " + range;
    if (!f.evidence.empty()) hint += "; " + wxString::Format(_("evidence: %s"), to_wx(f.evidence));
    return hint;
}

bool bid_column_is_checkbox(const BidColumn& c) {
    return c.kind == BidColumnKind::Field && c.field.type == FieldType::YesNo && !c.field.optional;
}

wxGridCellAttr* make_bid_column_attr(const BidColumn& c, const std::vector<std::string>& lots) {
    auto* attr = new wxGridCellAttr;
    attr->SetAlignment(wxALIGN_LEFT, wxALIGN_CENTER_VERTICAL);
    switch (c.kind) {
        case BidColumnKind::Bidder: attr->SetEditor(new wxGridCellTextEditor); break;
        case BidColumnKind::Lot: attr->SetEditor(choice_editor(lots, false)); break;
        case BidColumnKind::Submitted: attr->SetEditor(new BidUnitEditor(wxString(), "YYYY-MM-DD HH:MM")); break;
        case BidColumnKind::Source:
            attr->SetReadOnly();
            attr->SetTextColour(wxSystemSettings::GetColour(wxSYS_COLOUR_GRAYTEXT));
            break;
        case BidColumnKind::Field: {
            const FieldDecl& f = c.field;
            switch (f.type) {
                case FieldType::Money:
                case FieldType::Percent:
                case FieldType::Number:
                case FieldType::Quantity:
                    attr->SetEditor(new BidUnitEditor(bid_field_unit(f), wxString()));
                    attr->SetRenderer(new BidUnitRenderer(bid_field_unit(f)));
                    attr->SetAlignment(wxALIGN_RIGHT, wxALIGN_CENTER_VERTICAL);
                    break;
                case FieldType::YesNo:
                    if (bid_column_is_checkbox(c)) {
                        attr->SetEditor(new wxGridCellBoolEditor);
                        attr->SetRenderer(new wxGridCellBoolRenderer);
                        attr->SetAlignment(wxALIGN_CENTER, wxALIGN_CENTER_VERTICAL);
                    } else {
                        attr->SetEditor(new YesNoChoiceEditor);
                    }
                    break;
                case FieldType::Enum: attr->SetEditor(choice_editor(f.members, f.optional)); break;
                case FieldType::Date:
                    // A date picker cannot be left empty, so an optional date is typed.
                    if (f.optional)
                        attr->SetEditor(new BidUnitEditor(wxString(), "YYYY-MM-DD"));
                    else
                        attr->SetEditor(new wxGridCellDateEditor("%Y-%m-%d"));
                    break;
                case FieldType::Text: attr->SetEditor(new wxGridCellTextEditor); break;
            }
            break;
        }
    }
    return attr;
}

// ---- BidUnitEditor ----

BidUnitEditor::BidUnitEditor(const wxString& unit, const wxString& hint) : unit_(unit), hint_(hint) {}

void BidUnitEditor::Create(wxWindow* parent, wxWindowID id, wxEvtHandler* handler) {
    wxGridCellTextEditor::Create(parent, id, handler);
    if (!hint_.empty()) Text()->SetHint(hint_);
    if (!unit_.empty()) {
        label_ = new wxStaticText(parent, wxID_ANY, unit_);
        label_->Hide();
    }
}

void BidUnitEditor::SetSize(const wxRect& rect) {
    if (!label_) return wxGridCellTextEditor::SetSize(rect);
    const wxSize best = label_->GetBestSize();
    const int gap = label_->FromDIP(4);
    const int room = best.x + 2 * gap;
    wxRect text = rect;
    text.width = std::max(rect.width - room, rect.width / 2);
    wxGridCellTextEditor::SetSize(text);
    label_rect_ = wxRect(text.GetRight() + gap, rect.y + (rect.height - best.y) / 2, best.x, best.y);
    // GTK complains about sizing a hidden widget: a hidden label is placed when it is shown.
    if (label_->IsShown()) label_->SetSize(label_rect_);
}

void BidUnitEditor::Show(bool show, wxGridCellAttr* attr) {
    wxGridCellTextEditor::Show(show, attr);
    if (!label_) return;
    label_->Show(show);
    if (show && !label_rect_.IsEmpty()) label_->SetSize(label_rect_);
}

void BidUnitEditor::Destroy() {
    if (label_) {
        label_->Destroy();
        label_ = nullptr;
    }
    wxGridCellTextEditor::Destroy();
}

// ---- BidUnitRenderer ----

/// "12000000" as "12 000 000" (narrow no-break spaces, which the bids reader accepts too), so that
/// a missing or extra zero shows; anything but a plain decimal number is left as typed.
wxString group_digits(const wxString& text) {
    std::size_t start = text.StartsWith("-") ? 1 : 0, end = start;
    while (end < text.length() && wxIsdigit(text[end])) ++end;
    if (end - start < 5) return text;
    for (std::size_t i = end; i < text.length(); ++i)
        if (!wxIsdigit(text[i]) && !(i == end && (text[i] == '.' || text[i] == ','))) return text;
    wxString out = text.Left(start);
    for (std::size_t i = start; i < end; ++i) {
        if (i > start && (end - i) % 3 == 0) out += wxUniChar(0x202F);
        out += text[i];
    }
    return out + text.Mid(end);
}

wxString BidUnitRenderer::shown(const wxGrid& grid, int row, int col) const {
    wxString number = grid.GetCellValue(row, col).Strip(wxString::both);
    if (number.empty() || unit_.empty()) return number;
    if (number.Upper().EndsWith(unit_.Upper())) number = number.Left(number.length() - unit_.length()).Strip(wxString::trailing);
    // A word typed into a number cell is shown as typed: "twelve RUB" would look accepted.
    if (number.empty() || !(wxIsdigit(number[0]) || number[0] == '-' || number[0] == '+'))
        return grid.GetCellValue(row, col);
    return group_digits(number) + " " + unit_;
}

void BidUnitRenderer::Draw(wxGrid& grid, wxGridCellAttr& attr, wxDC& dc, const wxRect& rect, int row, int col,
                           bool selected) {
    wxGridCellRenderer::Draw(grid, attr, dc, rect, row, col, selected);  // the background
    SetTextColoursAndFont(grid, attr, dc, selected);
    int h = 0, v = 0;
    attr.GetAlignment(&h, &v);
    wxRect inner = rect;
    inner.Deflate(grid.FromDIP(3), 0);
    grid.DrawTextRectangle(dc, shown(grid, row, col), inner, h, v);
}

wxSize BidUnitRenderer::GetBestSize(wxGrid& grid, wxGridCellAttr& attr, wxDC& dc, int row, int col) {
    wxSize size = DoGetBestSize(attr, dc, shown(grid, row, col));
    size.x += grid.FromDIP(6);
    return size;
}

}  // namespace tl::gui
