#include "gui/results_model.hpp"

#include <wx/numformatter.h>

#include "gui/wx_text.hpp"

namespace tl::gui {

namespace {

/// A score for the table, in the UI locale's number format (four decimals, as the CLI shows).
wxString score_text(double v) { return wxNumberFormatter::ToString(v, 4, wxNumberFormatter::Style_None); }

}  // namespace

ResultsModel::ResultsModel() : wxDataViewVirtualListModel(0) {}

void ResultsModel::set(std::shared_ptr<const Evaluation> evaluation, std::size_t lot) {
    evaluation_ = std::move(evaluation);
    lot_ = lot;
    ranked_.clear();
    if (const LotOutcome* l = this->lot())
        for (const BidOutcome& o : l->bids)
            if (o.ranked()) ranked_.push_back(&o);
    Reset(static_cast<unsigned>(ranked_.size()));
}

const LotOutcome* ResultsModel::lot() const {
    if (!evaluation_ || lot_ >= evaluation_->result.lots.size()) return nullptr;
    return &evaluation_->result.lots[lot_];
}

const BidOutcome* ResultsModel::outcome(unsigned row) const { return row < ranked_.size() ? ranked_[row] : nullptr; }

unsigned ResultsModel::GetColumnCount() const {
    return kFirstCriterion + (evaluation_ ? static_cast<unsigned>(evaluation_->rules.criteria.size()) : 0U);
}

wxString ResultsModel::GetColumnType(unsigned) const { return "string"; }

void ResultsModel::GetValueByRow(wxVariant& value, unsigned row, unsigned col) const {
    const BidOutcome* o = outcome(row);
    if (!o) {
        value = wxString();
        return;
    }
    switch (col) {
    case kRank: value = wxString::Format("%d%s", o->rank, o->tied ? "=" : ""); return;
    case kBidder: value = to_wx(o->bidder); return;
    case kTotal: value = score_text(o->total); return;
    default: {
        const std::size_t k = col - kFirstCriterion;
        value = k < o->contributions.size() ? score_text(o->contributions[k]) : wxString();
    }
    }
}

}  // namespace tl::gui
