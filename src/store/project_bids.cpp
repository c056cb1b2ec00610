// The bids of a project: import (all or nothing), listing, the table for the engine, removal.
#include <charconv>
#include <cmath>
#include <limits>
#include <map>
#include <set>
#include <unordered_map>

#include "core/sha256.hpp"
#include "store/project_impl.hpp"

namespace tl::store {

namespace {

const char* const kSelectBids =
    "SELECT id, bidder, lot, submitted, source, source_row, imported_at, imported_by FROM bids ORDER BY id";

StoredBid read_bid(const sql::Stmt& s) {
    StoredBid b;
    b.id = s.int64(0);
    b.bidder = s.text(1);
    b.lot = s.text(2);
    b.submitted = s.text(3);
    b.source = s.text(4);
    b.source_row = static_cast<int>(s.int64(5));
    b.imported_at = s.text(6);
    b.imported_by = s.text(7);
    return b;
}

}  // namespace

BidValueWriter::BidValueWriter(sql::Db& db) : db_(db), remove_(db.prepare("DELETE FROM bid_values WHERE bid = ?")) {}

void BidValueWriter::write(std::int64_t bid_id, const std::vector<FieldDecl>& fields, const Bid& bid, bool fresh) {
    if (!fresh) remove_.bind(1, bid_id).run();
    std::size_t rows = 0;
    for (const FieldDecl& f : fields) rows += f.committee ? 0 : 1;  // the committee's consensus is not the bidder's
    if (rows == 0) return;
    if (!insert_ || rows_ != rows) {
        // One multi-row INSERT per bid: a tenth of the statement overhead of a row at a time.
        std::string sql = "INSERT INTO bid_values (bid, field, value, text) VALUES ";
        for (std::size_t r = 0; r < rows; ++r) sql += r ? ",(?,?,?,?)" : "(?,?,?,?)";
        insert_.reset();
        insert_.emplace(db_.prepare(sql));
        rows_ = rows;
    }
    int i = 0;
    for (std::size_t k = 0; k < fields.size(); ++k) {
        if (fields[k].committee) continue;
        const double value = k < bid.values.size() ? bid.values[k] : std::nan("");
        const std::string_view text = k < bid.texts.size() ? std::string_view(bid.texts[k]) : std::string_view();
        insert_->bind(i + 1, bid_id).bind(i + 2, fields[k].id).bind(i + 3, value).bind(i + 4, text);
        i += 4;
    }
    insert_->run();
}

std::vector<StoredBid> Project::bids() const {
    std::vector<StoredBid> out;
    auto s = impl_->db.prepare(kSelectBids);
    while (s.step()) out.push_back(read_bid(s));
    return out;
}

BidTable Project::bid_table(const std::vector<FieldDecl>& fields) const {
    BidTable table;
    table.fields = fields;
    std::unordered_map<std::string, std::size_t> field_at;
    for (std::size_t k = 0; k < fields.size(); ++k) field_at.emplace(fields[k].id, k);
    std::unordered_map<std::int64_t, std::size_t> bid_at;
    {
        auto s = impl_->db.prepare(kSelectBids);
        while (s.step()) {
            Bid b;
            b.bidder = s.text(1);
            b.lot = s.text(2);
            b.submitted = s.text(3);
            b.source_row = static_cast<int>(s.int64(5));
            b.values.assign(fields.size(), std::numeric_limits<double>::quiet_NaN());
            b.texts.assign(fields.size(), std::string());
            bid_at.emplace(s.int64(0), table.bids.size());
            table.bids.push_back(std::move(b));
        }
    }
    auto s = impl_->db.prepare("SELECT bid, field, value, text FROM bid_values");
    while (s.step()) {
        const auto f = field_at.find(std::string(s.text_view(1)));
        const auto b = bid_at.find(s.int64(0));
        if (f == field_at.end() || b == bid_at.end()) continue;
        Bid& bid = table.bids[b->second];
        bid.values[f->second] = s.real(2);
        bid.texts[f->second] = s.text(3);
    }
    return table;
}

Project::ImportResult Project::import_bids(const BidTable& table, const std::vector<ImportFile>& files,
                                           const std::vector<std::size_t>& file_of_bid, bool replace, const Actor& actor) {
    Change change(*impl_, actor, "bids.import");
    sql::Db& db = impl_->db;
    if (file_of_bid.size() != table.bids.size())
        refuse(Message("store.refused.internal", TL_MSG("internal error: the source of every bid is needed")));
    for (std::size_t f : file_of_bid)
        if (f >= files.size()) refuse(Message("store.refused.internal", TL_MSG("internal error: a bid names a file that was not read")));
    // Lots: with declared lots every bid names one of them; without, none does.
    std::set<std::string> lot_ids;
    for (const Lot& l : lots()) lot_ids.insert(l.id);
    std::vector<Message> problems;
    std::set<std::pair<std::string, std::string>> seen;
    for (const Bid& b : table.bids) {
        const BidKey key{b.bidder, b.lot};
        if (b.bidder.empty()) problems.push_back(Message("store.import.no-bidder", TL_MSG("a bid without a bidder name")));
        if (lot_ids.empty() ? !b.lot.empty() : !lot_ids.count(b.lot))
            problems.push_back(Message("store.import.unknown-lot", TL_MSG("the bid of {bid} names a lot the rules do not declare"))
                                   .nested("bid", bid_label_message(key)));
        if (!seen.insert({b.lot, b.bidder}).second)
            problems.push_back(Message("store.import.twice", TL_MSG("{bid} appears twice in the import"))
                                   .nested("bid", bid_label_message(key)));
    }
    if (!problems.empty())
        refuse(Message("store.refused.import", TL_MSG("nothing imported:{list}")).nested("list", listed(problems)));

    std::map<std::pair<std::string, std::string>, StoredBid> existing;
    for (StoredBid& b : bids()) existing.emplace(std::make_pair(b.lot, b.bidder), std::move(b));
    if (!replace) {
        std::vector<Message> clashes;
        for (const Bid& b : table.bids)
            if (auto it = existing.find({b.lot, b.bidder}); it != existing.end())
                clashes.push_back(Message("store.import.stored-bid", TL_MSG("{bid}: imported {time} from {source} by {user}"))
                                      .nested("bid", bid_label_message({b.bidder, b.lot}))
                                      .text("time", it->second.imported_at)
                                      .text("source", it->second.source)
                                      .text("user", it->second.imported_by));
        // The code tells a caller (the desktop app) that replacing would go through.
        if (!clashes.empty())
            refuse(Message("store.refused.bid-exists",
                           TL_MSG_PLURAL("nothing imported: the project has a bid of this bidder already (replace with "
                                         "--replace):{list}",
                                         "nothing imported: the project has a bid of {n} of these bidders already (replace "
                                         "with --replace):{list}"))
                       .count("n", static_cast<long long>(clashes.size()))
                       .nested("list", listed(clashes)));
    }

    ImportResult result;
    auto insert = db.prepare(
        "INSERT INTO bids (bidder, lot, submitted, source, source_row, imported_at, imported_by) VALUES (?, ?, ?, ?, ?, ?, ?)");
    auto update = db.prepare(
        "UPDATE bids SET submitted = ?, source = ?, source_row = ?, imported_at = ?, imported_by = ? WHERE id = ?");
    BidValueWriter values(db);
    nlohmann::json added = nlohmann::json::array(), replaced = nlohmann::json::array();
    for (std::size_t i = 0; i < table.bids.size(); ++i) {
        const Bid& b = table.bids[i];
        const std::string& source = files[file_of_bid[i]].name;
        std::int64_t id = 0;
        const auto it = existing.find({b.lot, b.bidder});
        if (it != existing.end()) {
            id = it->second.id;
            update.bind_all(b.submitted, source, b.source_row, change.time(), actor.user, id).run();
            result.replaced.push_back({b.bidder, b.lot});
            replaced.push_back(b.lot.empty() ? nlohmann::json(b.bidder) : nlohmann::json({b.lot, b.bidder}));
        } else {
            insert.bind_all(b.bidder, b.lot, b.submitted, source, b.source_row, change.time(), actor.user).run();
            id = db.last_insert_rowid();
            result.added.push_back({b.bidder, b.lot});
            added.push_back(b.lot.empty() ? nlohmann::json(b.bidder) : nlohmann::json({b.lot, b.bidder}));
        }
        values.write(id, table.fields, b, it == existing.end());
    }
    nlohmann::json read = nlohmann::json::array();
    for (const ImportFile& f : files) read.push_back({{"file", f.name}, {"sha256", f.sha256}});
    change.details = {{"files", read}, {"added", added}, {"replaced", replaced}};
    change.commit();
    return result;
}

bool Project::bid_has_committee_records(const std::string& bidder, const std::string& lot) const {
    auto s = impl_->db.prepare(
        "SELECT (SELECT count(*) FROM committee_scores c JOIN bids b ON b.id = c.bid WHERE b.bidder = ?1 AND b.lot = ?2) + "
        "(SELECT count(*) FROM consensus c JOIN bids b ON b.id = c.bid WHERE b.bidder = ?1 AND b.lot = ?2)");
    s.bind(1, bidder).bind(2, lot);
    return s.step() && s.int64(0) > 0;
}

int Project::remove_bids(const std::string& bidder, const std::optional<std::string>& lot, const Actor& actor) {
    Change change(*impl_, actor, "bids.remove");
    sql::Db& db = impl_->db;
    std::vector<std::pair<std::int64_t, std::string>> doomed;  // id, lot
    {
        auto s = db.prepare("SELECT id, lot FROM bids WHERE bidder = ? AND (? IS NULL OR lot = ?) ORDER BY id");
        s.bind(1, bidder);
        if (lot) s.bind(2, *lot).bind(3, *lot);
        else s.bind_null(2).bind_null(3);
        while (s.step()) doomed.emplace_back(s.int64(0), s.text(1));
    }
    if (doomed.empty())
        not_found(lot ? Message("store.not-found.bid", TL_MSG("the project has no bid of '{bidder}' in lot {lot}"))
                            .text("bidder", bidder)
                            .text("lot", *lot)
                      : Message("store.not-found.bid", TL_MSG("the project has no bid of '{bidder}'")).text("bidder", bidder));
    for (const auto& [id, l] : doomed) {
        auto s = db.prepare("SELECT (SELECT count(*) FROM committee_scores WHERE bid = ?1) + "
                            "(SELECT count(*) FROM consensus WHERE bid = ?1)");
        s.bind(1, id);
        if (s.step() && s.int64(0) > 0)
            refuse(Message("store.refused.bid-scored", TL_MSG("the committee has scored the bid of {bid}: it stays in the "
                                                              "project with its scores (the committee's record)"))
                       .nested("bid", bid_label_message({bidder, l})));
    }
    nlohmann::json lots_removed = nlohmann::json::array();
    for (const auto& [id, l] : doomed) {
        change.db().prepare("DELETE FROM bids WHERE id = ?").bind(1, id).run();
        lots_removed.push_back(l);
    }
    change.details = {{"bidder", bidder}, {"lots", lots_removed}};
    change.commit();
    return static_cast<int>(doomed.size());
}

std::string bid_table_sha256(const BidTable& table) {
    Sha256 h;
    auto item = [&h](std::string_view v) {
        h.update(std::to_string(v.size()));
        h.update(":");
        h.update(v);
    };
    char num[64];
    for (const FieldDecl& f : table.fields) {
        item(f.id);
        item(field_type_name(f.type));
    }
    for (const Bid& b : table.bids) {
        h.update("\nbid\n");
        item(b.bidder);
        item(b.lot);
        item(b.submitted);
        for (std::size_t k = 0; k < b.values.size(); ++k) {
            if (std::isnan(b.values[k])) {
                item("N");
            } else {
                auto [end, ec] = std::to_chars(num, num + sizeof num, b.values[k]);
                item(std::string_view(num, static_cast<std::size_t>(end - num)));
            }
            item(k < b.texts.size() ? b.texts[k] : std::string());
        }
    }
    return h.hex_digest();
}

}  // namespace tl::store
