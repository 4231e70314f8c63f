exec(open('/work/wt/catalog-fix/scripts/tmp/common.py').read())
# 26 WhatsApp Brazil
a=A['whatsapp-payments-brazil-suspended-2020']
a['summary']=L("WhatsApp launched in-chat payments in Brazil in June 2020 with Visa and Mastercard cards from Banco do Brasil, Nubank and Sicredi, and the acquirer Cielo. On 23 June 2020 the central bank ordered Visa and Mastercard to suspend them, and the competition authority CADE suspended the Facebook–Cielo partnership.",
 "WhatsApp a lancé en juin 2020 au Brésil les paiements dans les conversations, avec des cartes Visa et Mastercard de Banco do Brasil, Nubank et Sicredi, et l'acquéreur Cielo. Le 23 juin 2020, la banque centrale a ordonné à Visa et Mastercard de les suspendre, et l'autorité de la concurrence CADE a suspendu le partenariat entre Facebook et Cielo.")
a['status']=[
 step('confirmed','2020-06',2,by='whatsapp',dateOfReport=True,note=L("WhatsApp rolled out payments in Brazil about a week before the suspension.","WhatsApp a lancé les paiements au Brésil environ une semaine avant la suspension.")),
 step('ruled','2020-06-23',0,by='bcb',note=L("The central bank said operations without its prior analysis could damage the payments system, including on competition, efficiency and data privacy.","La banque centrale a dit que des opérations sans son analyse préalable pouvaient nuire au système de paiement, notamment en matière de concurrence, d'efficacité et de confidentialité des données.")),
 step('ruled','2020-06',1,by='cade',dateOfReport=True,note=L("CADE issued a precautionary measure suspending the Facebook–Cielo partnership. A later re-authorisation was not checked.","Le CADE a pris une mesure conservatoire suspendant le partenariat entre Facebook et Cielo. Une autorisation ultérieure n'a pas été vérifiée.")),
]
a['sources']=[
 S('Reuters',"Brazil central bank suspends Visa and Mastercard operating Whatsapp digital payments",'2020-06-23',
   "In the statement, the central bank said operations without previous analysis by the monetary authority could damage the Brazilian payments system, including on competition, efficiency and data privacy.",
   url='https://www.nasdaq.com/articles/brazil-central-bank-suspends-visa-and-mastercard-operating-whatsapp-digital-payments-2020',via='Nasdaq'),
 S('BrandSpur',"Brazil’s Central Bank suspends use of WhatsApp for payments",'2020-06-25',
   "Brazil’s Administrative Council for Economic Defense (Cade) also issued a precautionary measure to suspend the partnership between Facebook and Cielo to enable payments over WhatsApp.",
   url='https://brandspurng.com/2020/06/25/brazils-central-bank-suspends-use-of-whatsapp-for-payments/'),
 S('The Block',"Brazil's central bank suspends WhatsApp's new payments service",'2020-06',
   "The central bank of Brazil has suspended WhatsApp’s payments service just a week after its launch. […] WhatsApp rolled out its payments feature in Brazil last week, and supports Visa and Mastercard cards from Banco do Brasil, Nubank, and Sicredi.",
   url='https://www.theblock.co/amp/linked/69402/brazils-central-bank-suspends-whatsapps-new-payments-service'),
]
# 27 Libra
a=A['libra-payment-partners-withdraw-2019']
a['summary']=L("Facebook announced Libra, a planned digital currency run by an association, in June 2019. Under regulatory pressure, PayPal left the association in early October 2019, then Visa, Mastercard, eBay, Stripe and Mercado Pago on 11 October and Booking Holdings on 14 October.",
 "Facebook a annoncé en juin 2019 Libra, un projet de monnaie numérique géré par une association. Sous la pression des régulateurs, PayPal a quitté l'association début octobre 2019, puis Visa, Mastercard, eBay, Stripe et Mercado Pago le 11 octobre et Booking Holdings le 14 octobre.")
a['status']=[
 step('proposed','2019-06',1,by='facebook',dateOfReport=True,note=L("Announced in June 2019.","Annoncé en juin 2019.")),
 step('ended','2019-10',0,by='paypal',dateOfReport=True,note=L("PayPal left the project earlier in the week of 11 October 2019.","PayPal a quitté le projet en début de semaine du 11 octobre 2019.")),
 step('ended','2019-10-11',0,note=L("Visa, Mastercard, eBay, Stripe and Mercado Pago left the project.","Visa, Mastercard, eBay, Stripe et Mercado Pago ont quitté le projet.")),
 step('ended','2019-10-14',0,by='booking-holdings'),
]
a['sources']=[
 S('CoinDesk',"Visa, Mastercard, eBay, Stripe Follow PayPal in Quitting Facebook's Libra Project",'2019-10-11',
   "Visa, Mastercard, eBay, Stripe, Mercado Pago and PayPal have all withdrawn from the Libra Association now. […] UPDATE (Oct. 14, 2019, 15:45 UTC): Booking Holdings has become the seventh company to withdraw from the Libra Association. […] The Financial Times reported Friday that eBay and Stripe dropped out of the Libra cryptocurrency project, citing political pressure, following PayPal, which pulled its own support of the project earlier this week.",
   url='https://www.coindesk.com/markets/2019/10/11/visa-mastercard-ebay-stripe-follow-paypal-in-quitting-facebooks-libra-project/'),
 S('The Insider',"Stripe, eBay, Mastercard and Visa quit Facebooks Libra",'2019-10-13',
   "The idea of a Facebook-lead cryptocurrency raised a lot of eyebrows when it was first announced in June, though support from a laundry list of well-established companies gave it a feeling of legitimacy it would have otherwise lacked.",
   url='http://the-insider.co/2019/10/13/stripe-ebay-mastercard-and-visa-quit-facebooks-libra.html'.replace('http://','https://') if False else None),
 S('Digital Watch Observatory',"Mastercard, Visa, eBay, Stripe and Mercado Pago leaves the Libra cryptocurrency project",'2019-10',
   "Payments companies Visa, Mastercard, Stripe and Mercado Pago along with the online retailer eBay, confirmed that they are leaving Facebook’s cryptocurrency project Libra. […] In the statement for Financial Times, eBay and Stripe stated regulatory uncertainty to be a determining factor.",
   url='https://dig.watch/updates/mastercard-visa-ebay-stripe-and-mercado-pago-leaves-libra-cryptocurrency-project'),
]
a['sources'][1].pop('url',None) if a['sources'][1].get('url') is None else None
# 28 Carrefour
a=A['carrefour-banque-cnil-2020']
a['title']=L("CNIL fined Carrefour Banque €800,000 for several GDPR breaches, including passing more card-holder data to Carrefour's loyalty scheme than announced",
 "La CNIL a infligé 800 000 € à Carrefour Banque pour plusieurs manquements au RGPD, dont la transmission au programme de fidélité de plus de données qu'annoncé")
a['summary']=L("On 18 November 2020 the CNIL fined Carrefour Banque, 60% owned by Carrefour SA, €800,000 for several breaches: unclear and hard-to-find information on data processing, non-essential cookies set without consent, and passing Pass-card holders' postal address, phone number and number of children to Carrefour's loyalty programme although its form promised only name and email. Carrefour France was fined separately.",
 "Le 18 novembre 2020, la CNIL a infligé 800 000 € à Carrefour Banque, détenue à 60 % par Carrefour SA, pour plusieurs manquements : information sur les traitements imprécise et difficile d'accès, cookies non essentiels déposés sans consentement, et transmission au programme de fidélité de Carrefour de l'adresse postale, du téléphone et du nombre d'enfants des titulaires de la carte Pass alors que le formulaire ne promettait que nom et e-mail. Carrefour France a été sanctionnée séparément.")
a['dataDetail']=L("Holders' postal address, phone number and number of children declared, beyond the name, first name and email that the sign-up form announced.","L'adresse postale, le téléphone et le nombre d'enfants déclarés des titulaires, au-delà des nom, prénom et e-mail annoncés par le formulaire d'inscription.")
a['data']=['contact-details','identity']
a['purpose']=L("Linking the Pass card to the retailer's loyalty programme. A retailer, not a tech platform; the data passing was one of several breaches.","Le rattachement de la carte Pass au programme de fidélité du distributeur. Il s'agit d'un distributeur, pas d'une plateforme ; cette transmission n'est qu'un des manquements sanctionnés.")
a['status']=[step('ruled','2020-11-18',0,by='cnil',note=L("Decision SAN-2020-009 (published 26 November 2020): €800,000 fine for breaches of GDPR Articles 5(1)(a), 12 and 13 and of the French rules on cookies.","Délibération SAN-2020-009 (publiée le 26 novembre 2020) : amende de 800 000 € pour manquements aux articles 5(1)(a), 12 et 13 du RGPD et aux règles françaises sur les cookies."))]
a['sources']=[
 S('CNIL',"Sanctions de 2 250 000 euros et de 800 000 euros pour les sociétés Carrefour France et Carrefour Banque",'2020-11',
   "À l’issue de cette procédure, la formation restreinte – organe de la CNIL chargé de prononcer les sanctions – a effectivement considéré que les sociétés avaient manqué à plusieurs obligations prévues par le RGPD. Elle a ainsi sanctionné la société CARREFOUR FRANCE d’une amende de 2 250 000 euros et la société CARREFOUR BANQUE d’une amende de 800 000 euros.",
   url='https://www.cnil.fr/fr/sanctions-2250000-euros-et-800000-euros-pour-carrefour-france-carrefour-banque',primary=True,desc=True),
 S('eWatchers',"eWatchers summary of CNIL decision SAN-2020-009 (Carrefour Banque)",'2020-11',
   "Malgré l’engagement de CARREFOUR BANQUE de ne pas transmettre d’autres informations que le nom, le prénom et l’adresse e-mail du client, la banque communiquait aussi à Carrefour l’adresse postale du client, son numéro de téléphone et le nombre d’enfants déclarés.",
   url='https://ewatchers.org/cnil/carrefour-banque-2020-11-18-5',desc=True),
 S('GDPRhub',"CNIL (France) - SAN-2020-009",'2020-12',
   "The French DPA (CNIL) fined Carrefour Banque € 800000 for several violations of the GDPR and French data protection law. The breaches concerned loyalty and transparency of data processing, accessibility and content of information concerning processing and illicit use of cookies. […] CARREFOUR BANQUE is a subsidiary owned 40% by BNP PARIBAS SA and 60% by CARREFOUR SA",
   url='https://gdprhub.eu/index.php?title=CNIL_(France)_-_SAN-2020-009'),
 S('swissprivacy.law',"swissprivacy.law summary of CNIL decision SAN-2020-009",'2021-01-10',
   "PLACEHOLDER", url='https://swissprivacy.law/47/'),
]
a['sources']=a['sources'][:3]
json.dump(d, open(P,'w'), ensure_ascii=False, indent=2); open(P,'a').write('\n')
print('ok')
