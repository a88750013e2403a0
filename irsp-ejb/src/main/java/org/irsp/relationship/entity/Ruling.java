package org.irsp.relationship.entity;

/**
 * The Table 2 rule that decides an answer, and what the boundary must do for it.
 *
 * @param rule           Table 2 row (1–9)
 * @param retCode        the Ack's retCode for the responder
 * @param create         rule 1: create the relationship with {@code role}/{@code rights}
 * @param relationshipId rules 1 (once created), 4 and 6: the relationship to report
 */
public record Ruling(int rule, int retCode, boolean create, Role role, Integer rights, String relationshipId,
        boolean notifyRequester) {

    static Ruling refuse(int rule, int retCode) {
        return new Ruling(rule, retCode, false, null, null, null, false);
    }
}
