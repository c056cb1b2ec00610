#include "app/project_rebind.hpp"

#include <cmath>
#include <set>

#include "app/tender_project.hpp"
#include "io/cells/field_value.hpp"

namespace tl::app {

namespace {

bool same_field(const FieldDecl& a, const FieldDecl& b) {
    return a.type == b.type && a.unit == b.unit && a.members == b.members;
}

/// "the bid of 'B' (lot L), field 'F': PROBLEM".
Message misfit(const Bid& b, const FieldDecl& f, Message problem) {
    Message m = b.lot.empty() ? Message("app.rebind.field", TL_MSG("the bid of '{bidder}', field '{field}': {problem}"))
                              : Message("app.rebind.field", TL_MSG("the bid of '{bidder}' (lot {lot}), field '{field}': {problem}"))
                                    .text("lot", b.lot);
    return m.text("bidder", b.bidder).text("field", f.id).nested("problem", std::move(problem));
}

}  // namespace

BidTable rebind_bids(const store::Project& project, const CriteriaSet* old_rules, const CriteriaSet& new_rules,
                     std::vector<Message>& problems) {
    // The stored answers by field id: the values as the old fields read them, and the texts.
    BidTable stored = project.bid_table(new_rules.fields);
    std::set<std::string> lots;
    for (const Lot& l : new_rules.tender.lots) lots.insert(l.id);
    // Fields whose stored values keep their meaning; for the others the stored text is re-read.
    std::vector<bool> keep(new_rules.fields.size(), false);
    if (old_rules)
        for (std::size_t k = 0; k < new_rules.fields.size(); ++k)
            for (const FieldDecl& old : old_rules->fields)
                if (old.id == new_rules.fields[k].id) keep[k] = same_field(old, new_rules.fields[k]);
    for (Bid& b : stored.bids) {
        if (lots.empty() ? !b.lot.empty() : !lots.count(b.lot))
            problems.push_back(Message("app.rebind.unknown-lot",
                                       TL_MSG("the bid of '{bidder}' is for lot '{lot}', which the new rules do not declare"))
                                   .text("bidder", b.bidder)
                                   .text("lot", b.lot));
        for (std::size_t k = 0; k < new_rules.fields.size(); ++k) {
            const FieldDecl& f = new_rules.fields[k];
            if (f.committee) {
                b.values[k] = std::nan("");
                b.texts[k].clear();
                continue;
            }
            const std::string& text = b.texts[k];
            if (text.empty()) {
                b.values[k] = std::nan("");
                if (!f.optional)
                    problems.push_back(misfit(b, f, Message("app.rebind.required",
                                                            TL_MSG("the new rules require it and the bid does not state it"))));
                continue;
            }
            if (!keep[k]) {
                Message why;
                if (auto v = io::read_field_value(f, text, why)) {
                    b.values[k] = *v;
                } else {
                    problems.push_back(misfit(b, f, why));
                    continue;
                }
            }
            if (f.type != FieldType::Text && !std::isnan(b.values[k]) && io::outside_range(f, b.values[k]))
                problems.push_back(misfit(b, f, io::out_of_range(f, text)));
        }
    }
    return stored;
}

}  // namespace tl::app
