#include "io/csv/bids_csv_writer.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>

#include "io/csv/csv_cells.hpp"

namespace tl::io {

std::string plain_number(double v) {
    if (!std::isfinite(v)) return "";
    if (v == 0) return "0";
    const int magnitude = static_cast<int>(std::floor(std::log10(std::fabs(v))));
    const int decimals = std::max(0, 14 - magnitude);
    // std::to_chars: locale-independent (a '.' whatever LC_NUMERIC says), unlike printf.
    char buf[400];
    const auto r = std::to_chars(buf, buf + sizeof buf, v, std::chars_format::fixed, decimals);
    if (r.ec != std::errc()) return "";
    std::string s(buf, r.ptr);
    if (s.find('.') != std::string::npos) {
        while (s.back() == '0') s.pop_back();
        if (s.back() == '.') s.pop_back();
    }
    if (s == "-0") s = "0";
    return s;
}

namespace {

std::string value_cell(const FieldDecl& f, double v, const std::string& text) {
    if (f.type == FieldType::Text) return csv_text_cell(text);
    if (std::isnan(v)) return "";
    switch (f.type) {
        case FieldType::Percent: return plain_number(v * 100);
        case FieldType::YesNo: return v != 0 ? "yes" : "no";
        case FieldType::Enum: {
            const auto i = static_cast<std::size_t>(v);
            return i < f.members.size() ? csv_plain_cell(f.members[i]) : "";
        }
        case FieldType::Date: return format_iso_date(static_cast<int>(v));
        default: return plain_number(v);
    }
}

}  // namespace

std::string format_bids_csv(const BidTable& table, bool with_lots) {
    std::string out = with_lots ? "bidder,lot,submitted" : "bidder,submitted";
    for (const auto& f : table.fields)
        if (!f.committee) out += "," + csv_plain_cell(f.id);
    out += "\n";
    for (const Bid& b : table.bids) {
        out += csv_text_cell(b.bidder);
        if (with_lots) out += "," + csv_text_cell(b.lot);
        out += "," + csv_plain_cell(b.submitted);
        for (std::size_t k = 0; k < table.fields.size(); ++k) {
            if (table.fields[k].committee) continue;
            const double v = k < b.values.size() ? b.values[k] : std::nan("");
            const std::string text = k < b.texts.size() ? b.texts[k] : std::string();
            out += "," + value_cell(table.fields[k], v, text);
        }
        out += "\n";
    }
    return out;
}

}  // namespace tl::io
