# noticec's fixed text in Welsh (Cymraeg): every heading, label and
# generated sentence of the pages noticec writes. `en-GB.ftl` beside this
# file has the same messages in English; a test checks both have every
# message and the same arguments.
#
# Arguments ($name, $date …) are filled in by the templates and by
# src/render/view.rs. In HTML the text is escaped after the arguments are
# filled in, so a message holds plain text, never markup.
#
# Wherever an argument could follow a word that mutates it (i, am, gan, o,
# yn, a, neu …), the sentence is built so that the inserted value needs no
# mutation: the value comes first, after "Mae"/"yw", after a colon, or in
# apposition ("i'r rheoleiddiwr, { $name } ({ $short })").
#
# Terminology sources (terms only; no sentences copied):
# - ICO, Welsh privacy notice, "Hysbysiad preifatrwydd":
#   https://cy.ico.org.uk/global/privacy-notice/
#   (hysbysiad preifatrwydd, gwybodaeth bersonol, diben, penderfynu/proffilio
#   yn awtomataidd, trosglwyddo)
# - ICO, "Eich hawliau diogelu data":
#   https://cy.ico.org.uk/global/privacy-notice/your-data-protection-rights/
#   (hawl i wrthwynebu, cludadwyedd data, cyfyngu prosesu, dileu, cywiro,
#   gorfodi'r gyfraith)
# - ICO, "Gwneud cwyn" (privacy notice layer):
#   https://cy.ico.org.uk/global/privacy-notice/making-a-complaint/
#   (sail gyfreithlon, erthygl 6(1)(e) o GDPR y Deyrnas Unedig, tasgau
#   cyhoeddus, data categori arbennig, Atodlen 1, Deddf Diogelu Data 2018,
#   rheoleiddiwr)
# - ICO, "Rhannu'ch gwybodaeth":
#   https://cy.ico.org.uk/global/privacy-notice/sharing-your-information
#   (marchnata uniongyrchol, y tu allan i'r Deyrnas Unedig)
# - ICO, "Cysylltu â swyddfa'r wasg" (privacy notice layer):
#   https://cy.ico.org.uk/global/privacy-notice/contact-the-press-office/
#   ("ein hamserlen cadw gwybodaeth", "Pa mor hir y byddwn yn ei chadw",
#   roi'r gorau i)
# - ICO, "Defnyddio ein gwasanaeth cais gwrthrych am wybodaeth":
#   https://cy.ico.org.uk/global/privacy-notice/using-our-subject-access-request-service/
#   ("data am droseddau", Erthygl 9(2)(g) o GDPR y DU)
# - ICO, "Ffi diogelu data":
#   https://cy.ico.org.uk/for-organisations/data-protection-fee/
#   (Swyddfa'r Comisiynydd Gwybodaeth (ICO))
# - ICO, complaints pages:
#   https://cy.ico.org.uk/make-a-complaint/data-protection-complaints/what-to-expect/
#   (cwyno i'r ICO)
# - Cyngor Sir Penfro, "Addewid Preifatrwydd – Eich Hawliau":
#   https://www.sir-benfro.gov.uk/addewid-preifatrwydd/datganiad-preifatrwydd-eich-hawliau
#   (GDPR y DU, yr hawl i gywiro / i ddileu / i gyfyngu ar brosesu /
#   i gludadwyedd data / i wrthwynebu, cydsyniad, tasgau cyhoeddus)
# - Cyngor Sir Penfro, "Polisi Diogelu Data, Atodiad B: Amodau Budd
#   Sylweddol i'r Cyhoedd":
#   https://www.sir-benfro.gov.uk/cyflwyniad-a-chwmpas/polisi-diogelu-data-atodiad-b-amodau-budd-sylweddol-ir-cyhoedd
#   (budd sylweddol i'r cyhoedd, categori penodol o ddata personol)
# - Cyngor Gwynedd, "Diogelu data":
#   https://www.gwynedd.gov.uk/cy/Cyngor/Diogelu-Data-a-Rhyddid-Gwybodaeth/Diogelu-data-.aspx
#   (amlwg yn ddi-sail neu'n ormodol, gwneud penderfyniadau yn awtomatig)
# - Cyngor Gwynedd, "Datganiadau preifatrwydd a chwcis":
#   https://rhagolwg.gwynedd.llyw.cymru/cy/Cyngor/Gwybodaeth/Datganiadau-preifatrwydd-a-chwcis.aspx
#   (gwybodaeth categori arbennig, iechyd cyhoeddus, archifo, ymchwil)
# - Cyngor Sir Powys, "Cadw a dinistrio cofnodion":
#   https://cy.powys.gov.uk/rhestrgadw (cadw cofnodion; Powys says
#   "rhestr gadw" where this file follows the ICO's "amserlen cadw")
# - The Planning Inspectorate, "Hysbysiad Preifatrwydd Cwsmer yn Gymraeg:
#   Rhestr Termau Technegol" (GOV.UK, updated 11 November 2025):
#   https://www.gov.uk/government/publications/planning-inspectorate-privacy-notices/hysbysiad-preifatrwydd-cwsmer-yn-gymraeg-rhestr-termau-technegol
#   (rheolydd, sail gyfreithlon, cydsyniad, rhwymedigaeth gyfreithiol,
#   tasg gyhoeddus, buddiannau dilys, data categori arbennig)
# - Bwrdd Iechyd Prifysgol Bae Abertawe, "Beth yw eich hawliau mewn
#   perthynas â'ch data personol":
#   https://bipba.gig.cymru/ewch/eich-gwybodaeth/eich-gwybodaeth-folder/beth-yw-eich-hawliau-mewn-perthynas-ach-data-personol
#   (cyfyngu ar brosesu, llinell gymorth, Swyddfa'r Comisiynydd Gwybodaeth)
# - British Transport Police (Welsh), right of restriction page:
#   https://www.btp.police.uk/cy-GB/cais/cais/ri/gwneud-cais-am-wybodaeth/ir/information-rights/right-of-restriction-of-processing/
#   (citation style: "Erthygl 18 o GDPR y Deyrnas Unedig", "Deddf Diogelu
#   Data 2018 (Adran 47)")
# - Prifysgol Aberystwyth, "Hysbysiadau Preifatrwydd":
#   https://aber.ac.uk/cy/about-us/corporate-information/information-governance/data-protection/privacy-notices
#   (buddiannau dilys, swyddog diogelu data)
# - llyw.cymru and Arolygiaeth Gofal Cymru pages ("Diweddarwyd ddiwethaf").

## Yr iaith ei hun (the language itself)

# This language's name in this language, for the link from a page in the
# other language.
language-name = Cymraeg
# "and" between the last two items of a list (Welsh grammar after it —
# "ac", "a'ch", mutations — is in src/i18n.rs).
list-and = a
list-or = neu

## Cyfeiriadau at y gyfraith (citations, written as Welsh writes them)

cite-uk-gdpr = Erthygl { $ref } GDPR y DU
cite-article = Erthygl { $ref }
cite-dpa = Deddf Diogelu Data 2018, adran { $ref }
cite-dpa-sections = Deddf Diogelu Data 2018, adrannau { $ref }

## Rhannau'r dudalen (page furniture)

title-default = Hysbysiad preifatrwydd
title-draft = Drafft: { $title }
draft-heading = Drafft — ddim yn barod i'w gyhoeddi.
draft-body = Mae gwallau yn yr hysbysiad hwn: mae noticec check yn eu rhestru.
archived-heading = Fersiwn o'r hysbysiad hwn a gadwyd fel cofnod.
archived-body = Efallai nad yw'n gywir bellach.
archived-current = Darllenwch y fersiwn gyfredol
# Follows "neu" in `archived-links`: it starts with "h", which does not
# mutate.
archived-every = holl fersiynau'r hysbysiad
archived-links = { $current }, neu { $every }.
meta-last-updated = Diweddarwyd ddiwethaf: { $date }
meta-version = Fersiwn { $version }
corporate-adds = Mae'r hysbysiad hwn yn ychwanegu at ein prif hysbysiad preifatrwydd: { $link }. Mae hwnnw'n esbonio sut rydym yn defnyddio gwybodaeth bersonol yn gyffredinol.
footer-published = Mae'r hysbysiad hwn wedi'i gyhoeddi yn { $url }.
footer-last-updated = Diweddarwyd ddiwethaf: { $date }.
footer-versions = Fersiynau cynharach o'r hysbysiad hwn
footer-twin = Yr hysbysiad hwn fel data ({ $format })
# The line on a Markdown or text page that points at the other language.
other-language = { $language }: { $url }

## Penawdau'r hysbysiad (headings of the notice)

heading-glance = Crynodeb
heading-who-we-are = Pwy ydym ni
heading-representative = Ein cynrychiolydd yn y DU
heading-dpo = Ein swyddog diogelu data
heading-what-we-collect = Yr wybodaeth rydym yn ei defnyddio
heading-purposes = Pam rydym yn defnyddio eich gwybodaeth
heading-sharing = Gyda phwy rydym yn rhannu eich gwybodaeth
heading-transfers = Anfon gwybodaeth y tu allan i'r DU
heading-retention = Am ba hyd rydym yn cadw eich gwybodaeth
heading-automated = Penderfyniadau a wneir gan gyfrifiadur
heading-rights = Eich hawliau
heading-objection = Eich hawl i wrthwynebu
heading-using-rights = Sut i arfer eich hawliau
heading-complaints = Sut i gwyno
heading-service-notices = Hysbysiadau preifatrwydd ein gwasanaethau
heading-changes = Beth sydd wedi newid
section-untitled = Rhagor o wybodaeth

## Pwy ydym ni (who we are)

controller-unnamed = Y rheolydd
controller-is = { $name } yw rheolydd eich gwybodaeth bersonol: ni sy'n penderfynu sut a pham y caiff ei defnyddio.
# $kind is one of the controller-kind-* words below, in brackets so that it
# needs no mutation.
controller-kind-is = { $name } ({ $kind }) yw rheolydd eich gwybodaeth bersonol: ni sy'n penderfynu sut a pham y caiff ei defnyddio.
controller-registration = Ein rhif cofrestru gyda'r rheoleiddiwr, { $regulator }, yw { $number }.
contact-intro = Gallwch gysylltu â ni:
contact-post = Post
contact-email = E-bost
contact-phone = Ffôn
contact-online = Ar-lein
contact-helpline = Llinell gymorth
representative-unnamed = Ein cynrychiolydd yn y DU
representative-acts = { $name } sy'n gweithredu ar ein rhan yn y DU.
dpo-contact = Gallwch gysylltu â'n swyddog diogelu data am unrhyw beth yn yr hysbysiad hwn:
dpo-contact-named = Gallwch gysylltu â'n swyddog diogelu data ({ $name }) am unrhyw beth yn yr hysbysiad hwn:

controller-kind-public-authority = awdurdod cyhoeddus
controller-kind-company = cwmni
controller-kind-charity = elusen
controller-kind-other = sefydliad

## Yr wybodaeth rydym yn ei defnyddio (the information we use)

category-special = (gwybodaeth categori arbennig, y mae'r gyfraith yn ei diogelu'n fwy caeth)
category-criminal = (gwybodaeth am droseddau, y mae'r gyfraith yn ei diogelu'n fwy caeth)

## Pam rydym yn ei defnyddio: un diben (why we use it: one purpose)

purpose-unnamed = Diben
all-purposes-name = Pob diben
all-purposes-description = Mae'r hyn a ddywed y rhan hon yn berthnasol i bob diben isod, oni bai bod y diben yn dweud yn wahanol.
row-law-enforcement = Gorfodi'r gyfraith
law-enforcement-processing = Prosesu at ddibenion gorfodi'r gyfraith o dan Ran 3 o Ddeddf Diogelu Data 2018 yw hwn.
row-lawful-basis = Sail gyfreithlon
row-the-law = Y gyfraith
row-legitimate-interests = Ein buddiannau dilys
row-recognised-interest = Buddiant dilys cydnabyddedig
row-special-category = Gwybodaeth categori arbennig
special-category-under = Rydym yn ei defnyddio ar sail y canlynol: { $conditions }.
special-category-schedule-1 = Deddf Diogelu Data 2018, Atodlen 1: { $conditions }.
appropriate-policy-document = Ein dogfen bolisi briodol
row-criminal-offence = Gwybodaeth am droseddau
row-information-used = Yr wybodaeth rydym yn ei defnyddio
row-sources = O ble mae'n dod
source-from-you = Gennych chi
source-unnamed = Ffynhonnell arall
source-public = (ar gael i'r cyhoedd)
row-recipients = Gyda phwy rydym yn ei rhannu
recipients-none = Nid ydym yn ei rhannu.
row-retention = Am ba hyd rydym yn ei chadw
row-provision = A oes rhaid i chi ei rhoi?
row-direct-marketing = Marchnata uniongyrchol
direct-marketing-stop = Gallwch ofyn i ni roi'r gorau i hyn ar unrhyw adeg.
retention-not-stated = Heb ei nodi

## Seiliau cyfreithlon (lawful bases, UK GDPR Art. 6(1))

basis-title-consent = Cydsyniad
basis-title-contract = Contract
basis-title-legal-obligation = Rhwymedigaeth gyfreithiol
basis-title-vital-interests = Buddiannau hanfodol
basis-title-public-task = Tasg gyhoeddus
basis-title-recognised-legitimate-interest = Buddiant dilys cydnabyddedig
basis-title-legitimate-interests = Buddiannau dilys

basis-explanation-consent = rydych wedi cytuno i ni ddefnyddio eich gwybodaeth at y diben hwn
basis-explanation-contract = mae ei hangen arnom ar gyfer contract gyda chi, neu i gymryd camau rydych yn gofyn amdanynt cyn i ni ymrwymo i gontract
basis-explanation-legal-obligation = mae'r gyfraith yn ei gwneud yn ofynnol i ni ei defnyddio
basis-explanation-vital-interests = mae ei hangen arnom i ddiogelu bywyd rhywun
basis-explanation-public-task = mae ei hangen arnom i gyflawni tasg er budd y cyhoedd neu ein swyddogaethau swyddogol
basis-explanation-recognised-legitimate-interest = mae'r gyfraith yn cydnabod y defnydd hwn fel buddiant dilys
basis-explanation-legitimate-interests = mae gennym fuddiant dilys, ac nid yw eich hawliau yn drech nag ef

# Annex 1 to UK GDPR: the recognised legitimate interests. Each starts with
# a word that "a"/"ac" or "neu" leaves unmutated, in case they are listed.
recognised-interest-public-task-disclosure = datgelu gwybodaeth i gorff sydd ei hangen ar gyfer tasg er budd y cyhoedd
recognised-interest-national-security = diogelwch gwladol, diogelwch y cyhoedd ac amddiffyn
recognised-interest-emergencies = ymateb i argyfwng
recognised-interest-crime = atal, canfod neu ymchwilio i droseddau
recognised-interest-safeguarding = diogelu pobl sy'n agored i niwed

# UK GDPR Art. 9(2): the conditions for special category information. They
# are joined with "a"/"ac", so none after the first starts with c, p or t
# (which would need the aspirate mutation) or with "eich"/"y".
special-condition-explicit-consent = eich cydsyniad penodol (Erthygl 9(2)(a) GDPR y DU)
special-condition-employment-social-security = gofynion cyfraith cyflogaeth, nawdd cymdeithasol a diogelu cymdeithasol (Erthygl 9(2)(b))
special-condition-vital-interests = diogelu bywyd rhywun pan na all roi cydsyniad (Erthygl 9(2)(c))
special-condition-not-for-profit = gweithgareddau corff nid-er-elw (Erthygl 9(2)(d))
special-condition-made-public = gwybodaeth rydych chi wedi'i gwneud yn gyhoeddus (Erthygl 9(2)(e))
special-condition-legal-claims = hawliadau cyfreithiol a llysoedd (Erthygl 9(2)(f))
special-condition-substantial-public-interest = budd sylweddol i'r cyhoedd (Erthygl 9(2)(g))
special-condition-health-social-care = iechyd neu ofal cymdeithasol (Erthygl 9(2)(h))
special-condition-public-health = iechyd y cyhoedd (Erthygl 9(2)(i))
special-condition-archiving-research = archifo, ymchwil neu ystadegau (Erthygl 9(2)(j))

# Whether the person must give the information (Art. 13(2)(e)).
provision-statutory = Mae'r gyfraith yn ei gwneud yn ofynnol i chi roi'r wybodaeth hon i ni.
provision-contractual = Rhaid i chi roi'r wybodaeth hon i ni o dan gontract.
provision-contract-precondition = Mae angen yr wybodaeth hon arnom cyn y gallwn ymrwymo i gontract gyda chi.
provision-voluntary = Nid oes rhaid i chi roi'r wybodaeth hon i ni.
provision-observed = Rydym yn cofnodi'r wybodaeth hon pan fyddwch yn cael eich gweld, er enghraifft ar gamera; ni ofynnir i chi ei rhoi.
provision-varies = Mae'n dibynnu ar y gwasanaeth a oes rhaid i chi roi gwybodaeth i ni: weithiau mae'r gyfraith neu gontract yn gofyn amdani.

## Rhannu a throsglwyddo (sharing and transfers)

transfers-none = Nid ydym yn anfon eich gwybodaeth y tu allan i'r DU.
transfers-some = Rydym yn anfon rhywfaint o'ch gwybodaeth y tu allan i'r DU:
transfer-unnamed = Cyrchfan y tu allan i'r DU
# After a colon, so the mechanism needs no mutation.
transfer-protected-by = mesur diogelu: { $mechanism }

transfer-mechanism-adequacy = rheoliadau digonolrwydd y DU (Erthygl 45 GDPR y DU)
transfer-mechanism-idta = y Cytundeb Trosglwyddo Data Rhyngwladol (Erthygl 46)
transfer-mechanism-addendum = Atodiad y DU i gymalau contract safonol yr UE (Erthygl 46)
transfer-mechanism-bcr = rheolau corfforaethol rhwymol (Erthygl 47)
transfer-mechanism-derogation = rhanddirymiad ar gyfer sefyllfa benodol (Erthygl 49)

## Am ba hyd rydym yn ei chadw (how long we keep it)

retention-caption = Am ba hyd rydym yn cadw pob math o gofnod
retention-records = Cofnodion
retention-period = Am ba hyd rydym yn eu cadw
# $link is `retention-schedule-link`; "Mae'r" (not "ein") keeps it unchanged.
retention-schedule = Mae'r { $link } yn dangos am ba hyd rydym yn cadw pob math o gofnod.
retention-schedule-link = amserlen cadw cofnodion

## Penderfyniadau a wneir gan gyfrifiadur (decisions made by computer)

automated-none = Nid ydym yn gwneud penderfyniadau amdanoch drwy ddulliau awtomataidd yn unig.
automated-unnamed = Penderfyniad awtomataidd
row-how-it-works = Sut mae'n gweithio
row-what-it-means = Beth mae'n ei olygu i chi
row-safeguards = Eich mesurau diogelu

## Eich hawliau (your rights)

rights-intro = Mae gennych yr hawliau hyn o ran eich gwybodaeth:
right-applies-to = ar gyfer { $purposes }
rights-law-enforcement = Pan fyddwn yn defnyddio eich gwybodaeth at ddibenion gorfodi'r gyfraith, mae eich hawliau'n dod o adrannau 45 i 47 o Ddeddf Diogelu Data 2018. Gall y rhain gael eu cyfyngu, er enghraifft er mwyn peidio ag amharu ar ymchwiliad.
free-of-charge = Nid oes tâl am wneud cais, oni bai ei fod yn amlwg yn ddi-sail neu'n ormodol.

right-name-access = yr hawl i gael mynediad
right-name-rectification = yr hawl i gywiro
right-name-erasure = yr hawl i ddileu
right-name-restriction = yr hawl i gyfyngu ar brosesu
right-name-portability = yr hawl i gludadwyedd data
right-name-object = yr hawl i wrthwynebu
right-name-withdraw-consent = yr hawl i dynnu cydsyniad yn ôl
right-name-automated-decisions = hawliau sy'n ymwneud â phenderfyniadau awtomataidd

right-description-access = Gallwch ofyn am gopi o'r wybodaeth sydd gennym amdanoch.
right-description-rectification = Gallwch ofyn i ni gywiro gwybodaeth amdanoch sy'n anghywir neu'n anghyflawn.
right-description-erasure = Gallwch ofyn i ni ddileu gwybodaeth amdanoch.
right-description-restriction = Gallwch ofyn i ni roi'r gorau i ddefnyddio eich gwybodaeth am gyfnod, er enghraifft tra byddwn yn gwirio ei bod yn gywir.
right-description-portability = Gallwch ofyn am gael yr wybodaeth a roesoch i ni mewn fformat y gall peiriant ei ddarllen, neu ofyn i ni ei hanfon at sefydliad arall.
right-description-object = Gallwch wrthwynebu ein bod yn defnyddio eich gwybodaeth, ac wedyn rhaid i ni ystyried eich gwrthwynebiad.
right-description-withdraw-consent = Pan fyddwn yn dibynnu ar eich cydsyniad, gallwch ei dynnu'n ôl ar unrhyw adeg. Nid yw hyn yn effeithio ar yr hyn a wnaethom cyn i chi ei dynnu'n ôl.
right-description-automated-decisions = Pan fydd penderfyniad sylweddol amdanoch yn cael ei wneud drwy ddulliau awtomataidd yn unig, gallwch ofyn i ni am wybodaeth amdano, rhoi eich safbwynt, gofyn i berson ei adolygu, a herio'r penderfyniad.

# What each right lets the reader ask for, after "Gallwch ofyn" (You can
# ask). They are joined with "a"/"ac": each starts with "am" or "i", so the
# join is always "ac am …" / "ac i …".
right-glance-access = am gopi o'ch gwybodaeth
right-glance-rectification = i ni ei chywiro
right-glance-erasure = i ni ei dileu
right-glance-restriction = i ni gyfyngu ar sut rydym yn ei defnyddio
right-glance-portability = i ni ei hanfon at sefydliad arall
right-glance-automated-decisions = i berson adolygu penderfyniad a wnaed gan gyfrifiadur

right-limitation-erasure = Ni allwn ddileu gwybodaeth pan fo angen ei chadw er mwyn cydymffurfio â rhwymedigaeth gyfreithiol neu gyflawni ein tasgau cyhoeddus (Erthygl 17(3)(b) GDPR y DU).
right-limitation-erasure-for = Ar gyfer { $purposes }, ni allwn ddileu gwybodaeth pan fo angen ei chadw er mwyn cydymffurfio â rhwymedigaeth gyfreithiol neu gyflawni ein tasgau cyhoeddus (Erthygl 17(3)(b) GDPR y DU).
right-limitation-portability = Dim ond i wybodaeth a roesoch i ni y mae hyn yn berthnasol, pan fyddwn yn ei defnyddio gyda'ch cydsyniad neu ar gyfer contract gyda chi, a hynny drwy ddulliau awtomataidd (Erthygl 20(1) GDPR y DU).

# The right to object (Art. 21), in its own block (Art. 21(4)).
# $uses is the objection-use-* phrases joined with "neu"; each starts with
# "er" or "ar", which "neu" does not mutate.
objection-name = Yr hawl i wrthwynebu
objection-grounds = Gallwch wrthwynebu ein bod yn defnyddio eich gwybodaeth { $uses }, am resymau sy'n ymwneud â'ch sefyllfa benodol. Rhaid i ni wedyn roi'r gorau i'w defnyddio, oni bai ein bod yn gallu dangos bod gennym resymau dilys cymhellol dros ei defnyddio sy'n drech na'ch buddiannau, eich hawliau a'ch rhyddidau, neu fod ei hangen arnom i sefydlu, arfer neu amddiffyn hawliadau cyfreithiol.
objection-use-public-task = er mwyn cyflawni ein tasgau cyhoeddus
objection-use-recognised = ar gyfer buddiant dilys cydnabyddedig
objection-use-legitimate = er ein buddiannau dilys
objection-use-for = { $use } ({ $purposes })
objection-marketing = Gallwch wrthwynebu ar unrhyw adeg ein bod yn defnyddio eich gwybodaeth ar gyfer marchnata uniongyrchol. Byddwn wedyn yn rhoi'r gorau i'w defnyddio at y diben hwnnw.
objection-marketing-for = Gallwch wrthwynebu ar unrhyw adeg ein bod yn defnyddio eich gwybodaeth ar gyfer marchnata uniongyrchol ({ $purposes }). Byddwn wedyn yn rhoi'r gorau i'w defnyddio at y diben hwnnw.

## Sut i gwyno (how to complain)

complaints-to-us = Os ydych yn anfodlon ar y ffordd rydym wedi defnyddio eich gwybodaeth, gallwch gwyno i ni.
# $name is the regulator's Welsh name, in apposition (no article, no
# mutation): "i'r rheoleiddiwr, Swyddfa'r Comisiynydd Gwybodaeth (ICO):".
complaints-regulator = Mae gennych hefyd hawl i gwyno i'r rheoleiddiwr, { $name } ({ $short }):

## Y cofnod o newidiadau (the change record)

change-version = (fersiwn { $version })
change-version-alone = Fersiwn { $version }

## Crynodeb (at a glance: one sentence per topic)

glance-who = Pwy ydym ni
glance-what = Beth rydym yn ei gasglu
glance-why = Pam rydym yn ei defnyddio
glance-shared = Gyda phwy rydym yn ei rhannu
glance-retention = Am ba hyd rydym yn ei chadw
glance-rights = Eich hawliau
glance-changes = Beth sydd wedi newid
glance-complaints = Sut i gwyno
glance-more = Rhagor o wybodaeth: { $topic }

glance-responsible = { $name } sy'n gyfrifol am eich gwybodaeth.
# Welsh keeps the noun singular after a number ("3 math", "5 diben"); only
# "un" (1) and "dau" (2, with soft mutation) are written as words.
glance-other-kinds = { $count ->
    [one] un math arall o wybodaeth
    [two] dau fath arall o wybodaeth
   *[other] { $count } math arall o wybodaeth
}
glance-all-kinds = { $count ->
    [one] un math o wybodaeth, gyda disgrifiad isod
    [two] dau fath o wybodaeth, gyda disgrifiad o bob un isod
   *[other] { $count } math o wybodaeth, gyda disgrifiad o bob un isod
}
glance-other-purposes = { $count ->
    [one] un diben arall
    [two] dau ddiben arall
   *[other] { $count } diben arall
}
glance-all-purposes = { $count ->
    [one] un diben, gyda disgrifiad isod
    [two] dau ddiben, gyda disgrifiad o bob un isod
   *[other] { $count } diben, gyda disgrifiad o bob un isod
}
glance-bases = { $count ->
    [one] Sail gyfreithlon: { $bases }.
   *[other] Seiliau cyfreithlon: { $bases }.
}
glance-not-shared = Nid ydym yn ei rhannu ag unrhyw un arall.
glance-other-recipients = { $count ->
    [one] un arall
    [two] dau arall
   *[other] { $count } arall
}
glance-all-recipients = { $count ->
    [one] un sefydliad, a nodir isod
    [two] dau sefydliad, a restrir isod
   *[other] { $count } sefydliad, a restrir isod
}
glance-retention-schedule = Mae ein hamserlen cadw cofnodion yn nodi'r cyfnod ar gyfer pob math o gofnod.
glance-retention-criteria = Dim ond cyhyd ag y mae ei hangen arnom: mae'r adran isod yn esbonio sut rydym yn penderfynu.
glance-retention-start-varies = { $period }; mae'r adeg pan fydd y cyfnod yn dechrau yn dibynnu ar y cofnodion.
glance-retention-range = Y cyfnod byrraf yw { $shortest } a'r cyfnod hiraf yw { $longest }, gan ddibynnu ar y cofnodion.
glance-retention-some = Ar gyfer { $count } o'r { $total } math o gofnodion, y cyfnod byrraf yw { $shortest } a'r hiraf yw { $longest }; mae pob cyfnod wedi'i restru isod.
glance-retention-each = Mae gan bob un o'r { $total } math o gofnodion a restrir isod ei gyfnod ei hun.
glance-rights-ask = Gallwch ofyn { $asks }.
glance-rights-object = Gallwch wrthwynebu'r ffordd rydym yn ei defnyddio.
glance-rights-limits = Mae rhai cyfyngiadau'n berthnasol.
glance-rights-free = Nid oes tâl am wneud cais.
glance-changes-see = Gweler y cofnod o newidiadau isod.
glance-changes-on = Ar { $date }: { $what }
glance-complain-both = I ni, neu i'r rheoleiddiwr, { $name } ({ $short }).
glance-complain-us = I ni.
glance-complain-regulator = I'r rheoleiddiwr, { $name } ({ $short }).
# Pan nad yw enw'r rheoleiddiwr yn Gymraeg (testun plaen yw'r frawddeg,
# felly ni ellir nodi iaith yr enw).
glance-complain-both-short = I ni, neu i'r rheoleiddiwr ({ $short }).
glance-complain-regulator-short = I'r rheoleiddiwr ({ $short }).

## Hysbysiadau byr ar gyfer ffurflenni (short notices for forms, --format jit)

jit-title = Hysbysiadau byr ar gyfer ffurflenni: { $title }
jit-intro = Mae pob hysbysiad byr isod ar gyfer y ffurflen, y dudalen neu'r alwad lle rydym yn casglu gwybodaeth at un diben. Rhowch yr hysbysiad lle bydd pobl yn ei weld cyn iddyn nhw roi eu gwybodaeth i ni.
jit-uses-named = Mae { $controller } yn defnyddio'r wybodaeth rydych yn ei rhoi i ni yma at y diben hwn: { $purpose }.
jit-uses = Rydym yn defnyddio'r wybodaeth rydych yn ei rhoi i ni yma at y diben hwn: { $purpose }.
jit-bases = { $count ->
    [one] Ein sail gyfreithlon yw { $bases } ({ $articles }).
   *[other] Ein seiliau cyfreithlon yw { $bases } ({ $articles }).
}
jit-law-enforcement = Prosesu at ddibenion gorfodi'r gyfraith o dan Ran 3 o Ddeddf Diogelu Data 2018 yw hwn.
jit-shared = Rydym yn ei rhannu gyda'r canlynol: { $recipients }.
jit-retention = Am ba hyd rydym yn ei chadw: { $retention }
# $link is `jit-full-link`, which starts with "h" after "ein".
jit-full = Mae ein { $link } yn esbonio rhagor, gan gynnwys eich hawliau a sut i gwyno.
jit-full-link = hysbysiad preifatrwydd llawn
jit-full-named = Mae ein hysbysiad preifatrwydd llawn, “{ $title }”, yn esbonio rhagor, gan gynnwys eich hawliau a sut i gwyno.
jit-no-purposes = Nid yw'r hysbysiad hwn yn enwi unrhyw ddibenion, felly nid oes hysbysiad byr i'w roi.

## Y dudalen fynegai a'r rhestr o fersiynau (the index page and the list of versions)

index-title = Hysbysiadau preifatrwydd
index-last-updated = (diweddarwyd ddiwethaf: { $date })
index-draft = — drafft, ddim yn barod i'w gyhoeddi
index-as-data = fel data:
versions-title = { $title }: pob fersiwn
versions-intro = Pob fersiwn a gyhoeddwyd o'r hysbysiad hwn, gyda'r diweddaraf yn gyntaf.
version-numbered = Fersiwn { $version }
version-dated = Fersiwn dyddiedig { $date }
version-last-updated = , diweddarwyd ddiwethaf ar { $date }
version-current = (y fersiwn sydd wedi'i chyhoeddi nawr)

## Disgrifiad y dudalen ar gyfer canlyniadau chwilio (the page's description for search results)

description-we = Sut rydym yn defnyddio eich gwybodaeth bersonol: beth a gesglir, pam, gyda phwy y caiff ei rhannu, am ba hyd y caiff ei chadw, a'ch hawliau.
description-named = Sut mae { $name } yn defnyddio eich gwybodaeth bersonol: beth a gesglir, pam, gyda phwy y caiff ei rhannu, am ba hyd y caiff ei chadw, a'ch hawliau.
unnamed = (heb enw)
index-title-named = Hysbysiadau preifatrwydd { $name }

## Dates, written as in CLDR's long date for Welsh ("1 Hydref 2026"): the
## day, the month's name and the year. A test compares every day of several years with
## what ICU4X writes from CLDR.
date-long = { $day } { $month } { $year }
month-1 = Ionawr
month-2 = Chwefror
month-3 = Mawrth
month-4 = Ebrill
month-5 = Mai
month-6 = Mehefin
month-7 = Gorffennaf
month-8 = Awst
month-9 = Medi
month-10 = Hydref
month-11 = Tachwedd
month-12 = Rhagfyr
