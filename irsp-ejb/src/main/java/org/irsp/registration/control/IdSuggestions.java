package org.irsp.registration.control;

import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.irsp.registration.entity.EntityRef;

/** Table 1's 409 {@code suggestions}: up to three free user IDs derived from a taken one. */
@Stateless
public class IdSuggestions {

    @PersistenceContext
    EntityManager em;

    public List<String> freeIdsLike(String taken) {
        String stem = taken.length() > 120 ? taken.substring(0, 120) : taken;
        List<String> candidates = new ArrayList<>();
        for (int i = 1; i <= 9; i++) {
            candidates.add(stem + i);
        }
        Set<String> used = em.createQuery("select a.id from Account a where a.id in :ids", String.class)
                .setParameter("ids", candidates)
                .getResultStream()
                .collect(Collectors.toSet());
        return candidates.stream()
                .filter(c -> !used.contains(c) && EntityRef.canonicalUserId(c).isPresent())
                .limit(3)
                .toList();
    }
}
