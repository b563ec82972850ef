package ma.opencommune.program.web;

import ma.opencommune.platform.Localized;
import ma.opencommune.program.Diagnosis;

/** The form of an area to diagnose: title in the three scripts, optional descriptions in Arabic and French. */
public class AreaForm {

    private String titleAr, titleFr, titleZgh, descriptionAr, descriptionFr;

    static AreaForm of(Diagnosis.Area a) {
        AreaForm f = new AreaForm();
        f.titleAr = a.title().ar();
        f.titleFr = a.title().fr();
        f.titleZgh = a.title().zgh();
        f.descriptionAr = a.descriptionAr();
        f.descriptionFr = a.descriptionFr();
        return f;
    }

    Diagnosis.AreaDraft toDraft() {
        return new Diagnosis.AreaDraft(new Localized(titleAr, titleFr, titleZgh), descriptionAr, descriptionFr);
    }

    public String getTitleAr() { return titleAr; }
    public void setTitleAr(String v) { titleAr = v; }
    public String getTitleFr() { return titleFr; }
    public void setTitleFr(String v) { titleFr = v; }
    public String getTitleZgh() { return titleZgh; }
    public void setTitleZgh(String v) { titleZgh = v; }
    public String getDescriptionAr() { return descriptionAr; }
    public void setDescriptionAr(String v) { descriptionAr = v; }
    public String getDescriptionFr() { return descriptionFr; }
    public void setDescriptionFr(String v) { descriptionFr = v; }
}
