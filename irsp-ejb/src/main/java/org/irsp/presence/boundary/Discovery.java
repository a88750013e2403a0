package org.irsp.presence.boundary;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.irsp.presence.control.Visibility;
import org.irsp.presence.entity.Presence;
import org.irsp.registration.entity.Account;
import org.irsp.registration.entity.DefaultPolicy;
import org.irsp.registration.entity.DeviceAccount;
import org.irsp.registration.entity.EntityRef;
import org.irsp.registration.entity.EntityType;
import org.irsp.registration.entity.UserAccount;
import org.irsp.relationship.control.RelationshipStore;

/** §13 discovery: search (discoverable or related entities only) and status queries (only what V allows). */
@Stateless
public class Discovery {

    /** One result of a status query: 200 with presence, or 403 without (unknown IDs included). */
    public record Status(String id, EntityType type, Presence presence) {}

    private static final int MAX_CANDIDATES = 10_000;

    @PersistenceContext EntityManager em;
    @Inject RelationshipStore relationships;
    @Inject Visibility visibility;
    @Inject Presences presences;

    /** The page asked for and the total number of matches. */
    public record Page(List<Found> items, long total) {}

    public Page search(EntityRef searcher, SearchQuery query) {
        Set<EntityRef> related = relationships.of(searcher).stream().map(r -> r.peerOf(searcher)).collect(Collectors.toSet());
        List<Account> matches = new ArrayList<>();
        boolean deviceOnly = query.deviceType() != null || query.serviceType() != null;
        if ((query.type() == null || query.type() == EntityType.USER) && !deviceOnly) {
            matches.addAll(users(query));
        }
        if (query.type() == null || query.type() == EntityType.DEVICE) {
            matches.addAll(devices(query));
        }
        List<Account> visible = matches.stream()
                .filter(a -> !a.ref().equals(searcher) && (discoverable(a) || related.contains(a.ref())))
                .sorted(Comparator.comparing((Account a) -> a.type() == EntityType.DEVICE ? 0 : 1).thenComparing(Account::id))
                .toList();
        int from = Math.min(visible.size(), (query.page() - 1) * query.size());
        List<Found> page = visible.subList(from, Math.min(visible.size(), from + query.size())).stream()
                .map(a -> new Found(a, related.contains(a.ref()),
                        visibility.sees(searcher, a.ref()) ? presences.visiblePresence(a.ref()) : null))
                .toList();
        return new Page(page, visible.size());
    }

    /** §13.2: presence for the IDs the requester may see; everything else, unknown IDs too, is 403. */
    public List<Status> status(EntityRef requester, List<String> ids) {
        List<Status> results = new ArrayList<>();
        for (String raw : ids) {
            var ref = EntityRef.parseBare(raw);
            boolean visible = ref.isPresent() && visibility.sees(requester, ref.get());
            EntityType type = ref.map(EntityRef::type)
                    .orElse(raw.regionMatches(true, 0, "urn:", 0, 4) ? EntityType.DEVICE : EntityType.USER);
            results.add(new Status(ref.map(EntityRef::id).orElse(raw), type,
                    visible ? presences.visiblePresence(ref.get()) : null));
        }
        return results;
    }

    private static boolean discoverable(Account a) {
        return a instanceof UserAccount u ? u.searchable() : ((DeviceAccount) a).defaultPolicy() == DefaultPolicy.PUBLIC;
    }

    private List<UserAccount> users(SearchQuery q) {
        String jpql = "select u from UserAccount u where 1 = 1" + (q.id() != null ? " and u.id = :id" : "")
                + (q.q() != null ? " and lower(u.nickname) like :q escape '\\'" : "");
        TypedQuery<UserAccount> query = em.createQuery(jpql, UserAccount.class).setMaxResults(MAX_CANDIDATES);
        bind(query, q);
        return query.getResultList();
    }

    private List<DeviceAccount> devices(SearchQuery q) {
        String jpql = "select d from DeviceAccount d where 1 = 1" + (q.id() != null ? " and d.id = :id" : "")
                + (q.q() != null ? " and lower(d.name) like :q escape '\\'" : "")
                + (q.deviceType() != null ? " and d.deviceType = :dt" : "");
        TypedQuery<DeviceAccount> query = em.createQuery(jpql, DeviceAccount.class).setMaxResults(MAX_CANDIDATES);
        bind(query, q);
        if (q.deviceType() != null) {
            query.setParameter("dt", q.deviceType());
        }
        return query.getResultStream()
                .filter(d -> q.serviceType() == null || d.serviceTypes().contains(q.serviceType()))
                .toList();
    }

    private static void bind(TypedQuery<?> query, SearchQuery q) {
        if (q.id() != null) {
            query.setParameter("id", EntityRef.parseBare(q.id()).map(EntityRef::id).orElse(q.id()));
        }
        if (q.q() != null) {
            String escaped = q.q().toLowerCase(Locale.ROOT).replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
            query.setParameter("q", "%" + escaped + "%");
        }
    }
}
