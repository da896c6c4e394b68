/**
 * Identity: accounts and the role ladder. Every feature asks this package who a person is and where
 * they stand; nothing else stores roles.
 */
package org.ringplatform.identity;
