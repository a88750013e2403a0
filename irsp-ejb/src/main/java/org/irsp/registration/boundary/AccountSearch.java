package org.irsp.registration.boundary;

import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.Query;
import java.util.ArrayList;
import java.util.List;
import org.irsp.registration.entity.Account;
import org.irsp.registration.entity.EntityType;

/**
 * Finds accounts for the console (§17) by ID, name, type and owner, a page at a time. A native query:
 * the name lives in a user's or a device's own column of the one account table. Matching anywhere in
 * the text scans the table; fine for an operator's search, not for a protocol path.
 */
@Stateless
public class AccountSearch {

    @PersistenceContext EntityManager em;

    public AccountPage find(AccountQuery q) {
        List<Object> params = new ArrayList<>();
        StringBuilder where = new StringBuilder(" from IRSP_ACCOUNT where 1 = 1");
        if (q.type() != null) {
            where.append(" and KIND = ?").append(param(params, q.type() == EntityType.USER ? "USER" : "DEVICE"));
        }
        if (!q.text().isEmpty()) {
            String like = contains(q.text());
            where.append(" and (lower(ID) like ?").append(param(params, like))
                    .append(" or lower(NICKNAME) like ?").append(param(params, like))
                    .append(" or lower(NAME) like ?").append(param(params, like)).append(')');
        }
        if (!q.deviceType().isEmpty()) {
            where.append(" and lower(DEVICETYPE) like ?").append(param(params, contains(q.deviceType())));
        }
        if (!q.owner().isEmpty()) {
            where.append(" and lower(OWNER) = ?").append(param(params, q.owner().toLowerCase()));
        }
        long total = ((Number) bind(em.createNativeQuery("select count(*)" + where), params).getSingleResult()).longValue();
        @SuppressWarnings("unchecked")
        List<Object> ids = bind(em.createNativeQuery("select ID" + where + " order by ID"), params)
                .setFirstResult(q.page() * q.size()).setMaxResults(q.size()).getResultList();
        if (ids.isEmpty()) {
            return new AccountPage(List.of(), total);
        }
        List<Account> accounts = em.createQuery("select a from Account a where a.id in :ids order by a.id", Account.class)
                .setParameter("ids", ids.stream().map(String::valueOf).toList()).getResultList();
        return new AccountPage(accounts, total);
    }

    private static String param(List<Object> params, Object value) {
        params.add(value);
        return String.valueOf(params.size());
    }

    private static Query bind(Query query, List<Object> params) {
        for (int i = 0; i < params.size(); i++) {
            query.setParameter(i + 1, params.get(i));
        }
        return query;
    }

    private static String contains(String text) {
        return "%" + text.toLowerCase().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
    }
}
