package org.irsp.protocol.operation;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.irsp.relationship.boundary.RelationshipRequests;

/** §10.3 RelationshipRejectResponse (Table 2). */
@ApplicationScoped
public class RelationshipRejectHandler extends RelationshipAnswerHandler {

    @Inject
    RelationshipRequests requests;

    @Override
    public String type() {
        return "RelationshipRejectResponse";
    }

    @Override
    RelationshipRequests requests() {
        return requests;
    }

    @Override
    boolean accept() {
        return false;
    }
}
