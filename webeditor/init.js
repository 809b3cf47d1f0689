// Before Decap's bundle: admin.js starts the editor once the project's file formats are registered.
window.CMS_MANUAL_INIT = true;
