#pragma once
/// The ranking as a virtual list model over one lot of a tl::Result: one row per ranked bid
/// (rank order), columns rank, bidder, total, then the weighted contribution of each criterion.
/// It holds the evaluation, not copies of its numbers.
#include <memory>

#include <wx/dataview.h>

#include "gui/tender_session.hpp"

namespace tl::gui {

class ResultsModel : public wxDataViewVirtualListModel {
public:
    enum Column : unsigned { kRank = 0, kBidder = 1, kTotal = 2, kFirstCriterion = 3 };

    ResultsModel();

    /// Shows lot `lot` of `evaluation` (null: nothing).
    void set(std::shared_ptr<const Evaluation> evaluation, std::size_t lot);

    /// The bid shown in `row`, or null.
    const BidOutcome* outcome(unsigned row) const;
    const LotOutcome* lot() const;
    unsigned rows() const { return static_cast<unsigned>(ranked_.size()); }

    unsigned GetColumnCount() const override;
    wxString GetColumnType(unsigned col) const override;
    void GetValueByRow(wxVariant& value, unsigned row, unsigned col) const override;
    bool SetValueByRow(const wxVariant&, unsigned, unsigned) override { return false; }

private:
    std::shared_ptr<const Evaluation> evaluation_;
    std::size_t lot_ = 0;
    std::vector<const BidOutcome*> ranked_;
};

}  // namespace tl::gui
