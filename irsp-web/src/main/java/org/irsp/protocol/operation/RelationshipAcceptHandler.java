package org.irsp.protocol.operation;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.irsp.relationship.boundary.RelationshipRequests;

/** §10.3 RelationshipAcceptResponse (Table 2). */
@ApplicationScoped
public class RelationshipAcceptHandler extends RelationshipAnswerHandler {

    @Inject
    RelationshipRequests requests;

    @Override
    public String type() {
        return "RelationshipAcceptResponse";
    }

    @Override
    RelationshipRequests requests() {
        return requests;
    }

    @Override
    boolean accept() {
        return true;
    }
}
