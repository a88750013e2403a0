package org.irsp.presence.boundary;

import org.irsp.presence.entity.Presence;
import org.irsp.registration.entity.Account;

/** A search result: the account, whether it is related to the searcher, and its presence if visible. */
public record Found(Account account, boolean related, Presence presence) {}
