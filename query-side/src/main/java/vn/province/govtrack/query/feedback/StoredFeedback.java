package vn.province.govtrack.query.feedback;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.bson.conversions.Bson;
import org.springframework.stereotype.Component;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;

import vn.province.govtrack.kernel.feedback.FeedbackStatus;
import vn.province.govtrack.query.projection.ReadModelStore;
import vn.province.govtrack.query.web.Paging;

/** The feedback queries answered from the feedback projection's collection, paged in the database. */
@Component
class StoredFeedback implements FeedbackLookup {

    private final ReadModelStore<FeedbackView> feedback;

    StoredFeedback(FeedbackProjection projection) {
        this.feedback = projection.feedback();
    }

    @Override
    public Optional<FeedbackView> feedback(String feedbackId) {
        return feedback.find(feedbackId);
    }

    @Override
    public Paging.Page<FeedbackView> feedback(String unitCode, FeedbackStatus status, Paging paging) {
        List<Bson> filters = new ArrayList<>();
        if (unitCode != null) {
            filters.add(eq("unitCode", unitCode));
        }
        if (status != null) {
            filters.add(eq("status", status.name()));
        }
        Bson filter = filters.isEmpty() ? Filters.empty() : and(filters);
        long total = feedback.collection().countDocuments(filter);
        if (paging.offset() >= total) {
            return new Paging.Page<>(List.of(), total);
        }
        List<FeedbackView> page = feedback.collection().find(filter).sort(Sorts.ascending(ReadModelStore.ID))
                                          .skip((int) paging.offset()).limit(paging.size())
                                          .map(feedback::read).into(new ArrayList<>());
        return new Paging.Page<>(page, total);
    }
}
