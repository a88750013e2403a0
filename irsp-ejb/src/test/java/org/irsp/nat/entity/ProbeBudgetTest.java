package org.irsp.nat.entity;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ProbeBudgetTest {

    @Test
    void eachKeyGetsItsBudgetPerSecondAndANewSecondRefillsIt() {
        ProbeBudget budget = new ProbeBudget(2);
        assertTrue(budget.spend("a", 100));
        assertTrue(budget.spend("a", 100));
        assertFalse(budget.spend("a", 100));
        assertTrue(budget.spend("b", 100), "another key has its own");
        assertTrue(budget.spend("a", 101));
    }
}
