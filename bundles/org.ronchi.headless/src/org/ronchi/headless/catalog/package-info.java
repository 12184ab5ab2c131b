/**
 * {@code ronchi catalog}: metadata catalogues of whole folders. {@link org.ronchi.headless.catalog.Catalogue} walks
 * and reads files in parallel, {@link org.ronchi.headless.catalog.CatalogRecord} makes one file's record (the schema
 * is {@code docs/catalog.schema.json}), {@link org.ronchi.headless.catalog.StandardFields} the fixed summary fields a
 * facility catalogue asks for, {@link org.ronchi.headless.catalog.CatalogOutput} writes JSON Lines or CSV
 * ({@link org.ronchi.headless.catalog.CatalogCsv}) atomically and resumes an existing output. Every loader installed
 * is used through the {@code LoaderRegistry}: a new format bundle is catalogued without a change here.
 */
package org.ronchi.headless.catalog;
