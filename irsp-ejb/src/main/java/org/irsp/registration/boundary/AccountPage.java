package org.irsp.registration.boundary;

import java.util.List;
import org.irsp.registration.entity.Account;

/** One page of a search: its accounts in ID order and how many match in all. */
public record AccountPage(List<Account> accounts, long total) {}
